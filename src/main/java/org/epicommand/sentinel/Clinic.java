package org.epicommand.sentinel;

/** A clinic sentinel: its organisation (credit code, name, 属地) and type. */
public record Clinic(String creditCode, String organisationId, String name, String jurisdictionCode, ClinicType type) {}
