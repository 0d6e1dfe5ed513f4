package org.epicommand.supervision;

/** The responsible unit submitted rectification evidence; the inspectors are to verify it. */
public record EvidenceSubmitted(String problemId, String unitCode) {}
