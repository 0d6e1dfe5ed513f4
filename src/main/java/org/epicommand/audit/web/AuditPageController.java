package org.epicommand.audit.web;

import java.text.Collator;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditEvent;
import org.epicommand.audit.AuditQuery;
import org.epicommand.audit.SubjectLabels;
import org.epicommand.platform.CityTimes;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's page: the trail, newest first, filtered by user, action, subject and days — each
 * event in words: what kind of record, which one by name where the auditor may know it (accounts,
 * divisions, sites and other master data; personal records by their id only), what happened.
 */
@Controller
@PreAuthorize("hasAuthority('AUDIT_READ')")
class AuditPageController {

  static final String SUBJECT_PREFIX = "audit.subject.";

  /**
   * The kinds of record the trail speaks of: every kind that has its words ({@code audit.subject.<TYPE>}),
   * so a kind gains its place in the filter when it gains its words ({@code AuditSubjectWordsTest} keeps every
   * kind on the trail worded).
   */
  static final List<String> SUBJECT_TYPES = ResourceBundle.getBundle("messages", Locale.ROOT).keySet().stream()
      .filter(key -> key.startsWith(SUBJECT_PREFIX)).map(key -> key.substring(SUBJECT_PREFIX.length())).sorted()
      .toList();

  /** One event as the page shows it. */
  record Row(AuditEvent event, String subjectType, String subject, boolean named, String detail) {}

  private final AuditQuery audit;
  private final List<SubjectLabels> labels;
  private final MessageSource messages;
  private final ZoneId zone;

  AuditPageController(AuditQuery audit, List<SubjectLabels> labels, MessageSource messages, java.time.Clock clock) {
    this.audit = audit;
    this.labels = labels;
    this.messages = messages;
    this.zone = clock.getZone();
  }

  @GetMapping("/audit")
  String trail(@RequestParam(required = false) String username, @RequestParam(required = false) AuditAction action,
      @RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page, Model model, Locale locale) {
    AuditQuery.Filter filter = new AuditQuery.Filter(blank(username), action, blank(subjectType), blank(subjectId),
        from == null ? null : from.atStartOfDay(zone).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    PageResult<AuditEvent> events = audit.find(filter, Paging.of(page, 50));
    FormMessages.pager(model, events);
    model.addAttribute("rows", rows(events.items(), locale));
    model.addAttribute("filter", filter);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("actions", AuditAction.values());
    model.addAttribute("subjectTypes", SUBJECT_TYPES.stream().sorted(Comparator.comparing(
        (String type) -> messages.getMessage(SUBJECT_PREFIX + type, null, type, locale), Collator.getInstance(locale)))
        .toList());
    return "audit/trail";
  }

  private List<Row> rows(List<AuditEvent> events, Locale locale) {
    Map<String, Map<String, String>> names = new HashMap<>();
    events.stream().filter(e -> e.subjectId() != null)
        .collect(Collectors.groupingBy(AuditEvent::subjectType, Collectors.mapping(AuditEvent::subjectId,
            Collectors.toSet())))
        .forEach((type, ids) -> names.put(type, labels(type, ids)));
    AuditWording wording = new AuditWording(messages, locale, new CityTimes(zone, locale),
        (type, id) -> names.computeIfAbsent(type + ":" + id, key -> labels(type, List.of(id))).get(id));
    return events.stream().map(e -> {
      String name = e.subjectId() == null ? null : names.getOrDefault(e.subjectType(), Map.of()).get(e.subjectId());
      return new Row(e, messages.getMessage("audit.subject." + e.subjectType(), null, e.subjectType(), locale),
          name != null ? name : e.subjectId(), name != null, wording.detail(e.detail()));
    }).toList();
  }

  private Map<String, String> labels(String type, Collection<String> ids) {
    Map<String, String> found = new HashMap<>();
    labels.stream().filter(l -> l.types().contains(type)).forEach(l -> found.putAll(l.labels(type, ids)));
    return found;
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
