package org.epicommand.movement;

/** Pushed-list figures of one district (docs/domain.md §8): pushed, signed (at any later state), landed, overdue. */
public record DistrictKpi(String jurisdictionCode, String name, long pushed, long signed, long landed, long overdue) {}
