package org.epicommand.audit.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.epicommand.platform.CityTimes;
import org.springframework.context.MessageSource;

/**
 * An audit event's detail in words. The trail keeps what each module wrote (short English notes with
 * codes, e.g. {@code classification SUSPECTED -> CONFIRMED}); the page reads each through one of the
 * rules below into a sentence of the bundles ({@code audit.detail.*}), the codes in it as words
 * (classifications, states, roles, rule sets, divisions by name, instants in the city's time). A
 * detail no rule knows is a name the module wrote (a site's, a template's) and is shown as it is.
 */
final class AuditWording {

  /** How a captured part is put into words. */
  enum Part { RAW, DIVISION, TIME, ID, RULE_SET, CODE, ROLES, YES_NO, FIELD_CHANGES }

  record Rule(Pattern pattern, String key, Part... parts) {}

  /** Prefixes of the bundles' words for codes, tried in order for a code of unknown kind. */
  static final List<String> CODE_PREFIXES = List.of("audit.code.", "classification.", "severity.", "outcome.",
      "qp.reason.", "qp.orderState.", "qp.testStatus.", "investigationState.", "trackingState.", "contactCategory.",
      "movement.level.", "movement.state.", "movement.outcome.", "bulletin.state.", "testResult.", "role.",
      "supervision.kind.", "movement.pass.status.", "qp.symptom.", "sentinel.class.", "sentinel.mode.",
      "concealment.concealed.", "concealment.state.", "concealment.source.", "tipoff.referredTo.",
      "tipoff.referralOutcome.");

  static final List<Rule> RULES = List.of(
      rule("signed in \\((\\w+)\\)", "signedIn", Part.CODE),
      rule("failed sign-in \\((\\w+)\\)", "signInFailed", Part.CODE),
      rule("blocked for (\\S+) from (\\S+) after (\\d+) failed logins", "blocked", Part.RAW, Part.RAW, Part.RAW),
      rule("signed out", "signedOut"),
      rule("session ended: the account or its temporary role changed", "sessionEnded"),
      rule("wrong current password \\(own password\\)", "wrongPassword"),
      rule("username=(\\S+) password changed by the user", "passwordChanged", Part.RAW),
      rule("username=(\\S+) password reset \\(to be changed at the next login\\)", "passwordReset", Part.RAW),
      rule("username=(\\S+) unlocked \\((\\d+) client addresses\\)", "unlocked", Part.RAW, Part.RAW),
      rule("username=(\\S+) roles=\\[(.*)\\] jurisdiction=(\\S+) enabled=(\\w+)", "userUpdated", Part.RAW, Part.ROLES,
          Part.DIVISION, Part.YES_NO),
      rule("username=(\\S+) roles=\\[(.*)\\] jurisdiction=(\\S+)", "userCreated", Part.RAW, Part.ROLES, Part.DIVISION),
      rule("username=(\\S+) jurisdiction=(\\S+) \\(placed at the new root division\\)", "userPlaced", Part.RAW,
          Part.DIVISION),
      rule("demo account (\\S+)", "demoAccount", Part.RAW),
      rule("first (\\w+) (\\S+) jurisdiction=(\\S+)", "firstAdministrator", Part.CODE, Part.RAW, Part.DIVISION),
      rule("first (\\w+) (\\S+) \\(no division yet\\)", "firstAdministratorUnplaced", Part.CODE, Part.RAW),
      rule("user=(\\S+) role=(\\w+) jurisdiction=(\\S+) until=(\\S+) reason=(.*)", "grantCreated", Part.RAW, Part.CODE,
          Part.DIVISION, Part.TIME, Part.RAW),
      rule("user=(\\S+) role=(\\w+) revoked", "grantRevoked", Part.RAW, Part.CODE),
      rule("population (\\S+) → (\\S+)", "population", Part.RAW, Part.RAW),
      rule("empty division removed", "divisionRemoved"),
      rule("(classification|severity|outcome) (\\w+) -> (\\w+)", "change", Part.CODE, Part.CODE, Part.CODE),
      rule("test (\\d{4}-\\d\\d-\\d\\d) (\\w+)", "orderTest", Part.RAW, Part.CODE),
      rule("test ([A-Z_]+)", "caseTest", Part.CODE),
      rule("direct report", "directReport"),
      rule("(\\w+) of case (\\S+)", "contactOfCase", Part.CODE, Part.ID),
      rule("(\\w+) -> (\\w+) by (\\S+)", "changeBy", Part.CODE, Part.CODE, Part.RAW),
      rule("case (\\S+)", "investigationOfCase", Part.ID),
      rule("assigned to (\\S+)", "assignedTo", Part.RAW),
      rule("trajectory entry (\\S+)", "trajectoryEntry", Part.ID),
      rule("dismissed candidate (\\S+)", "candidateDismissed", Part.ID),
      rule("ASSIGN (\\S+)", "pushedAssigned", Part.DIVISION),
      rule("MATCH (\\S+)", "pushedMatched", Part.ID),
      rule("newInfection (\\S+) underControl", "newInfectionUnderControl", Part.RAW),
      rule("newInfection (\\S+)", "newInfection", Part.RAW),
      rule("recomputed with (\\S+)", "recomputed", Part.RULE_SET),
      rule("checked in to room (\\S+)", "checkedInToRoom", Part.RAW),
      rule("released from site and from quarantine", "releasedFromSiteAndQuarantine"),
      rule("released from site", "releasedFromSite"),
      rule("released: negative retest \\(platform\\)", "releasedOnNegativeRetest"),
      rule("([A-Z_]+) \\(platform\\)", "endedByPlatform", Part.CODE),
      rule("personal health link issued", "healthLinkIssued"),
      rule("health check (\\w+) (\\S+) °C", "healthCheck", Part.CODE, Part.RAW),
      rule("health check (\\w+) (\\S+) °C \\[(.*)\\]", "healthCheckSymptoms", Part.CODE, Part.RAW, Part.ROLES),
      rule("door opening declared for (\\d+) min through the personal link", "doorDeclaredByPerson", Part.RAW),
      rule("door opening declared (\\S+) – (\\S+)", "doorDeclared", Part.TIME, Part.TIME),
      rule("door sensor (\\S+) bound", "sensorBound", Part.RAW),
      rule("door sensor (\\S+) unbound", "sensorUnbound", Part.RAW),
      rule("release notice", "releaseNotice"),
      rule("still blocked from duty by key group (\\S+)", "keyGroupStillBlocked", Part.RAW),
      rule("blocked from duty by key group (\\S+), off duty", "keyGroupBlockedOffDuty", Part.RAW),
      rule("blocked from duty by key group (\\S+)", "keyGroupBlocked", Part.RAW),
      rule("block from duty lifted", "keyGroupBlockLifted"),
      rule("retired: ended after (\\d{4}-\\d\\d-\\d\\d)", "keyGroupMemberEnded", Part.RAW),
      rule("retired: left quarantine-site", "keyGroupMemberLeftSite"),
      rule("([A-Z_]+) ([A-Z_0-9]+) from (\\d{4}-\\d\\d-\\d\\d) in (\\S+)", "drugRule", Part.CODE, Part.CODE, Part.RAW,
          Part.DIVISION),
      rule("product ([A-Z_]+)", "drugProduct", Part.CODE),
      rule("product corrected: (.+) ([A-Z_]+) -> (.+) ([A-Z_]+)", "drugProductCorrected", Part.RAW, Part.CODE,
          Part.RAW, Part.CODE),
      rule("product retired: (.*)", "drugProductRetired", Part.RAW),
      rule("product restored", "drugProductRestored"),
      rule("inspection of (\\S+) on (\\d{4}-\\d\\d-\\d\\d): ([A-Z_]+), (\\d+) unregistered buyers",
          "inspectionRecorded", Part.RAW, Part.RAW, Part.CODE, Part.RAW),
      rule("unregistered buyer found by inspection (\\S+)", "inspectionBuyer", Part.ID),
      rule("inspection of (\\S+) withdrawn: (.*)", "inspectionWithdrawn", Part.RAW, Part.RAW),
      rule("inspection of (\\S+) corrected: (.*)", "inspectionCorrected", Part.RAW, Part.RAW),
      rule("closed INSPECTION_WITHDRAWN: inspection (\\S+)", "inspectionItemClosed", Part.ID),
      rule("(\\d+) passengers", "tripPlanned", Part.RAW),
      rule("(\\d+) rooms added", "roomsAdded", Part.RAW),
      rule("retired from (\\S+)", "retiredFrom", Part.RAW),
      rule("ended (\\S+)", "ended", Part.RAW),
      rule("member added: (\\S+)", "memberAdded", Part.RAW),
      rule("member removed: (\\S+)", "memberRemoved", Part.RAW),
      rule("kinds \\[(.*)\\]", "templateKinds", Part.RAW),
      rule("(\\d{4}-\\d\\d-\\d\\d)\\.\\.(\\d{4}-\\d\\d-\\d\\d) \\((\\d+) days\\)", "dutyRange", Part.RAW, Part.RAW,
          Part.RAW),
      rule("concealment ([A-Z_]+)", "concealmentFlagged", Part.CODE),
      rule("scale ([0-9.]+) - ([0-9.]+)", "rewardScale", Part.RAW, Part.RAW),
      rule("scale removed", "rewardScaleRemoved"),
      rule("(INVESTIGATION|TIP_OFF) (\\S+) ([A-Z_]+)", "concealmentOpenedFrom", Part.CODE, Part.ID, Part.CODE),
      rule("evidence (\\S+)", "evidenceAdded", Part.ID),
      rule("list", "listRead"),
      rule("list in (\\S+)", "listReadIn", Part.DIVISION),
      rule("(\\S+) import (\\S+)", "importedWith", Part.RAW, Part.ID),
      rule("import (\\S+)", "imported", Part.ID),
      rule("lines (\\d+)-(\\d+): (\\d+) new items", "pushedLines", Part.RAW, Part.RAW, Part.RAW),
      rule("(\\d{4}-\\d\\d-\\d\\d) (.+) (\\d+) targets", "planCreated", Part.RAW, Part.RAW, Part.RAW),
      rule("classification=(\\w*) reportedOn=(\\S*) jurisdiction=(\\S+) (masked|unmasked)", "caseExport", Part.CODE,
          Part.RAW, Part.DIVISION, Part.CODE),
      rule("q=(.*) jurisdiction=(\\S+) (masked|unmasked)", "personExport", Part.RAW, Part.DIVISION, Part.CODE),
      rule("jurisdiction=(\\S+)", "untestedExport", Part.DIVISION),
      rule("matchOrRegister", "matchOrRegister"),
      rule("FHIR results:(.*)", "fhirResults", Part.RAW),
      rule("(\\w+ *: .* → .*)", "changes", Part.FIELD_CHANGES),
      rule("([a-z]+(?: [a-z]+)*)", "word", Part.CODE),
      rule("([A-Z][A-Z0-9_]*) ?-> ?([A-Z][A-Z0-9_]*)(?: (.*))?", "stateChange", Part.CODE, Part.CODE, Part.RAW),
      rule("([A-Z][A-Z0-9_]*) ([A-Z][A-Z0-9_]*)", "twoCodes", Part.CODE, Part.CODE),
      rule("([A-Z][A-Z0-9_]*)", "oneCode", Part.CODE),
      rule("(\\S+) -> (\\S+)", "link", Part.ID, Part.ID));

  private final MessageSource messages;
  private final Locale locale;
  private final CityTimes times;
  private final BiFunction<String, String, String> labels;

  /**
   * @param labels the name of a record by (subject type, id), or null (see {@code SubjectLabels})
   */
  AuditWording(MessageSource messages, Locale locale, CityTimes times, BiFunction<String, String, String> labels) {
    this.messages = messages;
    this.locale = locale;
    this.times = times;
    this.labels = labels;
  }

  private static Rule rule(String regex, String key, Part... parts) {
    return new Rule(Pattern.compile(regex), key, parts);
  }

  /** The detail in words; null for none. */
  String detail(String detail) {
    if (detail == null || detail.isBlank()) {
      return null;
    }
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(detail.strip());
      if (m.matches()) {
        Object[] args = new Object[rule.parts().length];
        for (int i = 0; i < args.length; i++) {
          args[i] = part(rule.parts()[i], m.group(i + 1));
        }
        return text("audit.detail." + rule.key(), args);
      }
    }
    return detail;
  }

  /** A code in words: the first of the bundles' words for it, else a rule set's name, else the code. */
  String code(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    String key = code.strip().replace(' ', '_');
    for (String prefix : CODE_PREFIXES) {
      String word = messages.getMessage(prefix + key, null, null, locale);
      if (word != null) {
        return word;
      }
    }
    return label("RULE_SET", code);
  }

  private Object part(Part part, String value) {
    if (value == null) {
      return "";
    }
    return switch (part) {
      case RAW -> value;
      case CODE -> code(value);
      case DIVISION -> label("JURISDICTION", value);
      case RULE_SET -> label("RULE_SET", value);
      case ID -> value.length() > 8 ? value.substring(0, 8) : value;
      case TIME -> time(value);
      case YES_NO -> text("true".equals(value) ? "audit.yes" : "audit.no");
      case ROLES -> Arrays.stream(value.split(",\\s*")).filter(r -> !r.isBlank()).map(this::code)
          .collect(Collectors.joining("、"));
      case FIELD_CHANGES -> Arrays.stream(value.split("; ")).map(this::fieldChange).collect(Collectors.joining("；"));
    };
  }

  /** {@code name: A → B} with the field's name in words and codes as words. */
  private String fieldChange(String change) {
    int colon = change.indexOf(':');
    if (colon < 0) {
      return change;
    }
    String field = change.substring(0, colon).strip();
    String[] values = change.substring(colon + 1).split("→", 2);
    String before = values[0].strip();
    String after = values.length > 1 ? values[1].strip() : "";
    if (field.equals("jurisdictionCode")) {
      before = label("JURISDICTION", before);
      after = label("JURISDICTION", after);
    } else if (before.matches("[A-Z][A-Z0-9_]+") || after.matches("[A-Z][A-Z0-9_]+")) {
      before = code(before);
      after = code(after);
    }
    return text("audit.detail.fieldChange", text("audit.field." + field), before, after);
  }

  private String label(String type, String id) {
    String label = labels == null ? null : labels.apply(type, id);
    return label == null ? id : label;
  }

  private String time(String value) {
    try {
      return times.dateTime(Instant.parse(value));
    } catch (DateTimeParseException notAnInstant) {
      return value;
    }
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
