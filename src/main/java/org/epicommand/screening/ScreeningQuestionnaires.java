package org.epicommand.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The screening questionnaire as versioned data: the version in force is the latest one; publishing
 * a new version supersedes it (visits from then on answer the new one); every version stays readable.
 */
@Service
public class ScreeningQuestionnaires {

  private static final String SUBJECT = "SCREENING_QUESTIONNAIRE";
  private static final String COLUMNS =
      "version, items, arrived_since, note, published_at, published_by, superseded_at";

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final java.time.Clock clock;

  ScreeningQuestionnaires(JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** The version in force. */
  public Questionnaire current() {
    return jdbc.sql("select " + COLUMNS + " from screening_questionnaire where superseded_at is null"
        + " order by version desc limit 1").query(ScreeningQuestionnaires::row).single();
  }

  /** Every version, newest first. */
  public List<Questionnaire> list() {
    return jdbc.sql("select " + COLUMNS + " from screening_questionnaire order by version desc")
        .query(ScreeningQuestionnaires::row).list();
  }

  /** A version; 404 when there is none. */
  public Questionnaire get(int version) {
    return jdbc.sql("select " + COLUMNS + " from screening_questionnaire where version = ?").param(version)
        .query(ScreeningQuestionnaires::row).optional().orElseThrow(() -> new RecordNotFound("questionnaire"));
  }

  /** Publishes a new version (at least one item; a note of at most 200 characters); the previous one is superseded. */
  @Transactional
  public Questionnaire publish(Questionnaire.New request) {
    List<Questionnaire.Item> items = request == null || request.items() == null ? List.of()
        : request.items().stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
    if (items.isEmpty()) {
      throw new ValidationFailure(FieldProblem.of("items", "screening.items"));
    }
    if (request.note() != null && request.note().length() > 200) {
      throw new ValidationFailure(FieldProblem.of("note", "screening.tooLong"));
    }
    Timestamp now = Timestamp.from(clock.instant());
    int previous = jdbc.sql("select version from screening_questionnaire order by version desc limit 1 for update")
        .query(Integer.class).single();
    jdbc.sql("update screening_questionnaire set superseded_at = ? where superseded_at is null").param(now).update();
    int version = previous + 1;
    jdbc.sql("""
        insert into screening_questionnaire (version, items, arrived_since, note, published_at, published_by)
        values (?, ?, ?, ?, ?, ?)""").params(version, String.join(",", items.stream().map(Enum::name).toList()),
        request.arrivedSince(), request.note() == null || request.note().isBlank() ? null : request.note().strip(),
        now, currentUser.get().username()).update();
    audit.record(AuditAction.CREATE, SUBJECT, String.valueOf(version), String.join(",",
        items.stream().map(Enum::name).toList()));
    return get(version);
  }

  private static Questionnaire row(ResultSet rs, int n) throws SQLException {
    return new Questionnaire(rs.getInt(1), Arrays.stream(rs.getString(2).split(",")).map(Questionnaire.Item::valueOf)
        .toList(), rs.getObject(3, java.time.LocalDate.class), rs.getString(4), rs.getTimestamp(5).toInstant(),
        rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());
  }
}
