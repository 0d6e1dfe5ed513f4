package org.epicommand.checklist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.checklist.internal.TemplateRules;
import org.epicommand.checklist.internal.TemplateStore;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checklist templates as data: listed (the latest version of each, or all), read, and added — a new
 * code starts at version 1, a known code gets the next version; a version never changes, so every
 * result and application keeps the version it was checked against. Templates are configuration, not
 * personal data.
 */
@Service
public class ChecklistTemplates {

  static final String SUBJECT = "CHECKLIST_TEMPLATE";

  private final TemplateStore store;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  ChecklistTemplates(TemplateStore store, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.store = store;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  public List<ChecklistTemplate> list(boolean allVersions) {
    return store.list(allVersions);
  }

  /** The latest version of a template; 404 when there is none of that code. */
  public ChecklistTemplate latest(String code) {
    return store.latest(code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT))
        .orElseThrow(() -> new RecordNotFound("checklist template"));
  }

  /** A version by its id; 404 when there is none. */
  public ChecklistTemplate get(UUID id) {
    return store.find(id).orElseThrow(() -> new RecordNotFound("checklist template"));
  }

  /** Adds a template, or the next version of one: 400 naming the fields. */
  @Transactional
  public ChecklistTemplate create(NewTemplate template) {
    List<FieldProblem> problems = new ArrayList<>();
    String code = TemplateRules.code(template.code(), problems);
    TemplateStore.NewTemplateRow row = TemplateRules.check(template, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    int version = store.latest(code).map(t -> t.version() + 1).orElse(1);
    UUID id = UUID.randomUUID();
    if (!store.insert(id, code, version, row, currentUser.get().username(), clock.instant())) {
      throw Conflict.duplicate("checklist.versionTaken", store.latest(code).orElseThrow().id());
    }
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), code + " v" + version);
    return get(id);
  }
}
