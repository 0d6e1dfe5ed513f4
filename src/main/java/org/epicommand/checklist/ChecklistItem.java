package org.epicommand.checklist;

/** One item of a template: its code (stable across versions), wording, whether it blocks approval, evidence. */
public record ChecklistItem(String code, String text, boolean blocking, EvidenceKind evidence) {}
