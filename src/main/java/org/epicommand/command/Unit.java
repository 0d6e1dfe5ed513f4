package org.epicommand.command;

/** A unit of the command organisation; {@code reporting} units file daily reports. */
public record Unit(String code, String name, UnitKind kind, String jurisdictionCode, boolean reporting,
    int sortOrder) {}
