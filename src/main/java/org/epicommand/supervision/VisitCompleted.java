package org.epicommand.supervision;

/** An inspection visit ended with {@code problemsFound} findings. */
public record VisitCompleted(String visitId, String planId, String unitCode, int problemsFound) {}
