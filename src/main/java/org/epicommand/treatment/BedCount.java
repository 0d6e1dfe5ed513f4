package org.epicommand.treatment;

/** The beds of one type a hospital has: total and out of service (occupied is derived, never typed). */
public record BedCount(Integer total, Integer outOfService) {}
