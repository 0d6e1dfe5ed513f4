package org.epicommand.sentinel;

/** A clinic to register: the organisation (id or credit code, of kind CLINIC or HOSPITAL) and its type. */
public record NewClinic(String organisation, ClinicType type) {}
