package org.epicommand.supervision;

/** A problem item was closed (对账销号), possibly fixed on the spot. */
public record ProblemClosed(String problemId, String unitCode, boolean fixedOnSpot) {}
