package org.epicommand.keygroup;

/** An environmental sample was resulted positive: its site and barcode (a follow-up was opened). */
public record EnvironmentSamplePositive(String siteId, String barcode) {}
