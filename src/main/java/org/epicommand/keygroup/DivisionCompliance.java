package org.epicommand.keygroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Compliance by division ({@code GET /api/v1/key-groups/compliance?level=}): the open memberships of the reach by
 * state, per division on a level below it (a city's districts, a district's streets or communities) — where the
 * members are who are overdue, rather than which organisation employs them. Members registered above the level (a
 * district's own, when reading by community) are the area's own line.
 */
@Service
public class DivisionCompliance {

  /** A division's open memberships by state; {@code own}: members registered above the level, in the area itself. */
  public record Line(String jurisdictionCode, String jurisdictionName, boolean own, long members, long upToDate,
      long dueToday, long overdue, long neverTested, long blocked) {}

  private final JdbcClient jdbc;
  private final MemberSchedules schedules;
  private final Jurisdictions jurisdictions;

  DivisionCompliance(JdbcClient jdbc, MemberSchedules schedules, Jurisdictions jurisdictions) {
    this.jdbc = jdbc;
    this.schedules = schedules;
    this.jurisdictions = jurisdictions;
  }

  /**
   * The reach (narrowed to {@code jurisdiction}, 404 outside) by division on {@code level} (a level below the area's:
   * 400 on {@code level} otherwise), of one group or all; the divisions with most members overdue or blocked first.
   */
  public List<Line> byLevel(String jurisdiction, String level, String group) {
    JurisdictionScope scope = schedules.reach(jurisdiction);
    JurisdictionLevel on = level(level);
    List<Jurisdiction> divisions = on == null ? List.of() : jurisdictions.descendantsAt(scope, on);
    int depth = divisions.isEmpty() ? 0 : divisions.get(0).path().split("/").length - 1;
    if (on == null || depth <= scope.path().split("/").length - 1 && scope.code() != null) {
      throw new ValidationFailure(FieldProblem.of("level", "keygroup.level"));
    }
    Map<String, Jurisdiction> byCode = new LinkedHashMap<>();
    divisions.forEach(d -> byCode.put(d.code(), d));
    boolean grouped = group != null && !group.isBlank();
    JdbcClient.StatementSpec spec = scope.bind(jdbc.sql("""
        select split_part(m.jurisdiction_path, '/', :segment) as code, count(*),
          count(*) filter (where state = 'UP_TO_DATE'), count(*) filter (where state = 'DUE_TODAY'),
          count(*) filter (where state = 'OVERDUE'), count(*) filter (where state = 'NEVER_TESTED'),
          count(*) filter (where state = 'BLOCKED_FROM_DUTY')
        from keygroup_member m where retired_at is null and\s""" + scope.predicate("m.jurisdiction_path")
        + (grouped ? " and group_code = :group" : "") + """
         group by 1
        order by count(*) filter (where state in ('OVERDUE', 'BLOCKED_FROM_DUTY')) desc, 1 limit 500""")
        .param("segment", depth + 1));
    if (grouped) {
      spec = spec.param("group", group.strip().toUpperCase(Locale.ROOT));
    }
    String areaName = scope.code() == null ? "" : jurisdictions.find(scope.code()).map(Jurisdiction::name)
        .orElse(scope.code());
    List<Line> lines = new ArrayList<>();
    spec.query((rs, n) -> {
      String code = rs.getString(1);
      Jurisdiction division = byCode.get(code);
      boolean own = division == null;
      return new Line(own ? scope.code() : code, own ? areaName : division.name(), own, rs.getLong(2),
          rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
    }).list().forEach(lines::add);
    return lines;
  }

  private static JurisdictionLevel level(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return JurisdictionLevel.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
