package org.epicommand.checklist.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.epicommand.checklist.ChecklistItem;
import org.epicommand.checklist.EvidenceKind;
import org.epicommand.checklist.NewTemplate;
import org.epicommand.shared.FieldProblem;

/**
 * What a template version must be: a code of 2–40 capitals, digits, {@code _} or {@code -}; a name; 1–100
 * items, each with its own code and wording; at most 10 distinct sign-off positions; masks per head for
 * 0–60 days. Problems name the field ({@code items[2].text}, {@code signOffs[1]}).
 */
public final class TemplateRules {

  static final int MAX_ITEMS = 100;
  static final int MAX_SIGN_OFFS = 10;

  private TemplateRules() {}

  public static String code(String raw, List<FieldProblem> problems) {
    String code = raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
    if (code == null || !code.matches("[A-Z0-9_-]{2,40}")) {
      problems.add(FieldProblem.of("code", "checklist.code"));
      return null;
    }
    return code;
  }

  public static TemplateStore.NewTemplateRow check(NewTemplate t, List<FieldProblem> problems) {
    int before = problems.size();
    String name = text(t.name());
    if (name == null || name.length() > 100) {
      problems.add(FieldProblem.of("name", "checklist.name"));
    }
    String purpose = text(t.purpose());
    if (purpose != null && purpose.length() > 500) {
      problems.add(FieldProblem.of("purpose", "checklist.tooLong", 500));
    }
    List<ChecklistItem> items = new ArrayList<>();
    List<ChecklistItem> given = t.items() == null ? List.of() : t.items();
    if (given.isEmpty() || given.size() > MAX_ITEMS) {
      problems.add(FieldProblem.of("items", "checklist.items", MAX_ITEMS));
    }
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < given.size() && i < MAX_ITEMS; i++) {
      ChecklistItem item = given.get(i);
      String field = "items[" + i + "]";
      String code = item == null || item.code() == null ? null : item.code().strip().toUpperCase(Locale.ROOT);
      if (code == null || !code.matches("[A-Z0-9_-]{1,40}")) {
        problems.add(FieldProblem.of(field + ".code", "checklist.itemCode"));
      } else if (!codes.add(code)) {
        problems.add(FieldProblem.of(field + ".code", "checklist.itemCodeTwice", code));
      }
      String text = item == null ? null : text(item.text());
      if (text == null || text.length() > 500) {
        problems.add(FieldProblem.of(field + ".text", "checklist.itemText"));
      }
      if (item != null) {
        items.add(new ChecklistItem(code, text, item.blocking(),
            item.evidence() == null ? EvidenceKind.NONE : item.evidence()));
      }
    }
    List<String> signOffs = new ArrayList<>();
    List<String> positions = t.signOffs() == null ? List.of() : t.signOffs();
    if (positions.size() > MAX_SIGN_OFFS) {
      problems.add(FieldProblem.of("signOffs", "checklist.signOffs", MAX_SIGN_OFFS));
    }
    for (int i = 0; i < positions.size() && i < MAX_SIGN_OFFS; i++) {
      String position = text(positions.get(i));
      if (position == null || position.length() > 50 || signOffs.contains(position)) {
        problems.add(FieldProblem.of("signOffs[" + i + "]", "checklist.signOff"));
      } else {
        signOffs.add(position);
      }
    }
    Integer masks = t.minMaskDays();
    if (masks != null && (masks < 0 || masks > 60)) {
      problems.add(FieldProblem.of("minMaskDays", "checklist.maskDays"));
    }
    return problems.size() > before ? null
        : new TemplateStore.NewTemplateRow(name, purpose, items, signOffs, masks,
            Boolean.TRUE.equals(t.isolationRoom()));
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
