package org.epicommand.treatment;

/**
 * An admission took a hospital's beds of a type to or above the alert share
 * ({@code epicommand.treatment.occupancy-alert-percent}, 80 %): published once per crossing.
 */
public record BedOccupancyHigh(String hospitalCode, String hospitalName, String jurisdictionCode, BedType bedType,
    int occupied, int usable, int percent) {}
