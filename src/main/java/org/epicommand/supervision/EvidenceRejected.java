package org.epicommand.supervision;

/** The inspectors rejected the evidence; the problem is back in rectification. */
public record EvidenceRejected(String problemId, String unitCode, String reason) {}
