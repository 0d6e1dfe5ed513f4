package org.epicommand.command;

import java.time.LocalDate;

/** A unit's 24-hour duty on one day: the leader on duty (带班领导), the staff on duty and the duty phone. */
public record Duty(String unitCode, String unitName, LocalDate date, String leader, String staff, String phone) {}
