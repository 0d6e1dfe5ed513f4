package org.epicommand.movement;

import org.epicommand.quarantine.RiskLevel;

/** A designation by the command office: the area's name, level, division and optional boundary (text or GeoJSON). */
public record NewRiskArea(String name, RiskLevel level, String jurisdictionCode, String boundary) {}
