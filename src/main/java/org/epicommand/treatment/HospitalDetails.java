package org.epicommand.treatment;

/**
 * What an owner gives for a hospital. {@code status}: the status a new hospital starts in (ACTIVE for
 * one in use, STANDBY for a backup; default ACTIVE, STANDBY for BACKUP), ignored on a correction;
 * {@code activationLeadHours}: how long activating it takes (default 48: shelter hospitals must be
 * ready within 2 days).
 */
public record HospitalDetails(String code, String name, HospitalKind kind, String jurisdictionCode,
    HospitalStatus status, Integer activationLeadHours, String address, String phone) {}
