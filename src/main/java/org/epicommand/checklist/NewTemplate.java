package org.epicommand.checklist;

import java.util.List;

/** A template to add: a new code, or a new version of an existing one (its wording, items, sign-offs). */
public record NewTemplate(String code, String name, String purpose, List<ChecklistItem> items, List<String> signOffs,
    Integer minMaskDays, Boolean isolationRoom) {}
