package org.epicommand.supervision;

/** A good practice to record for a unit. */
public record NewGoodPractice(String unitCode, String title, String description) {}
