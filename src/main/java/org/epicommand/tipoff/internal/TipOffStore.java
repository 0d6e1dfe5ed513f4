package org.epicommand.tipoff.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.tipoff.ConcealmentState;
import org.epicommand.tipoff.TipOff;
import org.epicommand.tipoff.TipOff.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code tipoff} and {@code tipoff_informant} tables, and a tip-off's concealment case (its referral, read
 * with it). What a caller may see: the office every tip-off of its jurisdiction ({@code jurisdiction_path}),
 * everyone else only those assigned to a community inside theirs ({@code assigned_path}); anything else
 * is not found.
 */
@Repository
public class TipOffStore {

  public static final String SUBJECT = "TIP_OFF";

  /** How far back an earlier tip-off about the same subject counts as a possible duplicate. */
  public static final java.time.Duration DUPLICATE_WINDOW = java.time.Duration.ofDays(7);

  /** A new tip-off's row. */
  public record Insert(UUID id, String receipt, TipOff.Channel channel, TipOff.Topic topic, String subject,
      String address, String description, String jurisdictionCode, String jurisdictionName, String jurisdictionPath,
      boolean anonymous, Instant receivedAt, String receivedBy) {}

  private static final String COLUMNS = """
      t.id, t.receipt, t.channel, t.topic, t.subject, t.address, t.description, t.jurisdiction_code,
      t.jurisdiction_name, t.state, t.received_at, t.assigned_code, t.assigned_name, t.assigned_at,
      t.due_at, t.duplicate_of, t.triage_note, t.outcome, t.findings, t.verified_at, t.reward_amount, t.reward_note,
      t.paid_at, t.payment_reference, t.closed_at, t.reward_proposed_by, t.reward_approved_by, t.subject_person_id,
      r.id, r.concealed, r.referred_to, r.evidence, r.legal_basis, r.state, r.referred_at, r.referred_by, r.outcome,
      r.decided_on, r.decision_note
      from tipoff t left join concealment_case r on r.tipoff_id = t.id""";

  private final JdbcClient jdbc;
  private final InformantCipher cipher;
  private final ConcealmentStore cases;

  TipOffStore(JdbcClient jdbc, InformantCipher cipher, ConcealmentStore cases) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.cases = cases;
  }

  public void insert(Insert row) {
    jdbc.sql("""
        insert into tipoff (id, receipt, channel, topic, subject, address, description, jurisdiction_code,
          jurisdiction_name, jurisdiction_path, anonymous, state, received_at, received_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?)""").params(row.id(), row.receipt(),
        row.channel().name(), row.topic().name(), row.subject(), row.address(), row.description(),
        row.jurisdictionCode(), row.jurisdictionName(), row.jurisdictionPath(), row.anonymous(),
        Timestamp.from(row.receivedAt()), row.receivedBy()).update();
  }

  /** Who informed, encrypted ({@link InformantCipher}). */
  public void insertInformant(UUID id, TipOff.Informant who) {
    jdbc.sql("""
        insert into tipoff_informant (tipoff_id, name, phone, document, payment_account, client_address, encrypted,
          key_id) values (?, ?, ?, ?, ?, ?, true, ?)""").params(id, cipher.encrypt(who.name()),
        cipher.encrypt(who.phone()), cipher.encrypt(who.document()), cipher.encrypt(who.paymentAccount()),
        cipher.encrypt(who.clientAddress()), cipher.currentKeyId()).update();
  }

  /** Who informed a tip-off, decrypted (anonymous when neither name nor phone is known). */
  public Optional<TipOff.Informant> informant(UUID id) {
    return jdbc.sql("""
        select name, phone, document, payment_account, client_address, encrypted, key_id from tipoff_informant
        where tipoff_id = ?""").param(id).query((rs, n) -> {
          boolean sealed = rs.getBoolean(6);
          String[] values = new String[5];
          for (int i = 0; i < values.length; i++) {
            values[i] = sealed ? cipher.decrypt(rs.getString(i + 1), rs.getString(7)) : rs.getString(i + 1);
          }
          return new TipOff.Informant(id, values[0], values[1], values[2], values[3], values[4],
              values[0] == null && values[1] == null);
        }).optional();
  }

  /** Encrypts the informants stored before encryption at rest (at start; each row once); how many. */
  public int encryptPlainInformants() {
    List<UUID> plain = jdbc.sql("select tipoff_id from tipoff_informant where not encrypted").query(UUID.class).list();
    int done = 0;
    for (UUID id : plain) {
      done += jdbc.sql("""
          select name, phone, client_address from tipoff_informant where tipoff_id = ? and not encrypted for update
          """).param(id).query((rs, n) -> jdbc.sql("""
              update tipoff_informant set name = ?, phone = ?, client_address = ?, encrypted = true, key_id = ?
              where tipoff_id = ?""").params(cipher.encrypt(rs.getString(1)), cipher.encrypt(rs.getString(2)),
              cipher.encrypt(rs.getString(3)), cipher.currentKeyId(), id).update()).optional().orElse(0);
    }
    return done;
  }

  /** The state of a tip-off by its receipt number, with when it came in. */
  public Optional<TipOff.Status> status(String receipt) {
    return jdbc.sql("select receipt, received_at, state from tipoff where receipt = ?").param(receipt)
        .query((rs, n) -> new TipOff.Status(rs.getString(1), rs.getTimestamp(2).toInstant(),
            State.valueOf(rs.getString(3)).publicStatus())).optional();
  }

  /** The state of a tip-off, whoever asks (empty for an unknown id). */
  public Optional<State> state(UUID id) {
    return jdbc.sql("select state from tipoff where id = ?").param(id).query((rs, n) -> State.valueOf(rs.getString(1)))
        .optional();
  }

  /** A tip-off the caller may see, with the files of its referral (404 otherwise). */
  public TipOff find(UUID id, JurisdictionScope scope, boolean office, Instant now) {
    TipOff tip = scope.bind(jdbc.sql("select " + COLUMNS + " where t.id = :id and " + visible(scope, office)))
        .param("id", id).query((rs, n) -> row(rs, now)).optional().orElseThrow(() -> new RecordNotFound(SUBJECT));
    if (office) {
      tip = tip.withPossibleDuplicates(possibleDuplicates(List.of(id)).getOrDefault(id, List.of()));
    }
    return tip.referral() == null ? tip
        : tip.withReferral(tip.referral().withFiles(cases.files(tip.referral().id())));
  }

  /** The aggregate of a tip-off the caller may see, locked for the move (404 otherwise). */
  public TipOffCase lock(UUID id, JurisdictionScope scope, boolean office) {
    return scope.bind(jdbc.sql("select t.topic, t.state, t.reward_proposed_by, t.duplicate_of from tipoff t"
        + " where t.id = :id and " + visible(scope, office) + " for update")).param("id", id)
        .query((rs, n) -> new TipOffCase(TipOff.Topic.valueOf(rs.getString(1)), State.valueOf(rs.getString(2)),
            rs.getString(3), first(rs.getObject(4, UUID.class))))
        .optional().orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /** The first tip-off of a chain of duplicates that starts at {@code earlier} (null: none). */
  private UUID first(UUID earlier) {
    if (earlier == null) {
      return null;
    }
    return jdbc.sql("""
        with recursive chain (id, duplicate_of, depth) as (
          select id, duplicate_of, 0 from tipoff where id = ?
          union all select t.id, t.duplicate_of, c.depth + 1 from tipoff t join chain c on t.id = c.duplicate_of
            where c.depth < 100)
        select id from chain order by depth desc limit 1""").param(earlier).query(UUID.class).single();
  }

  /** Matches the subject to a registry person. */
  public void matchSubject(UUID id, UUID personId) {
    jdbc.sql("update tipoff set subject_person_id = ? where id = ?").params(personId, id).update();
  }

  /**
   * The tip-offs the caller may see, narrowed to {@code within} (a scope inside the caller's), in the
   * states given, of one topic (null: all), overdue only if asked; the oldest deadline, then the oldest first.
   */
  public List<TipOff> list(JurisdictionScope within, boolean office, List<State> states, TipOff.Topic topic,
      boolean overdue, Instant now, Paging paging) {
    String sql = "select " + COLUMNS + " where " + visible(within, office) + " and t.state = any(:states)"
        + (topic == null ? "" : " and t.topic = :topic")
        + (overdue ? " and t.state in ('ASSIGNED', 'VERIFYING') and t.due_at < :now" : "")
        + " order by t.due_at nulls last, t.received_at, t.id limit :limit offset :offset";
    JdbcClient.StatementSpec statement = within.bind(jdbc.sql(sql))
        .param("states", states.stream().map(Enum::name).toArray(String[]::new))
        .param("now", Timestamp.from(now)).param("limit", paging.fetchSize()).param("offset", paging.offset());
    if (topic != null) {
      statement = statement.param("topic", topic.name());
    }
    List<TipOff> tips = statement.query((rs, n) -> row(rs, now)).list();
    if (!office || tips.isEmpty()) {
      return tips;
    }
    Map<UUID, List<TipOff.PossibleDuplicate>> duplicates = possibleDuplicates(tips.stream().map(TipOff::id).toList());
    return tips.stream().map(t -> t.withPossibleDuplicates(duplicates.getOrDefault(t.id(), List.of()))).toList();
  }

  /**
   * For each tip-off, the earlier ones of the same topic about the same subject — the same matched registry person,
   * or in the same place the same normalised subject text — received within {@link #DUPLICATE_WINDOW} before it,
   * oldest first.
   */
  public Map<UUID, List<TipOff.PossibleDuplicate>> possibleDuplicates(List<UUID> ids) {
    Map<UUID, List<TipOff.PossibleDuplicate>> found = new HashMap<>();
    jdbc.sql("""
        select t.id, e.id, e.receipt, e.received_at, e.state from tipoff t
        join tipoff e on e.topic = t.topic
          and ((e.jurisdiction_code = t.jurisdiction_code and e.subject_key = t.subject_key and t.subject_key <> '')
            or e.subject_person_id = t.subject_person_id)
          and e.received_at < t.received_at and e.received_at >= t.received_at - cast(? as interval)
        where t.id = any(?::uuid[])
        order by e.received_at, e.id""").params(DUPLICATE_WINDOW.toSeconds() + " seconds",
            (Object) ids.stream().map(UUID::toString).toArray(String[]::new))
        .query(rs -> {
          found.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new TipOff.PossibleDuplicate(
              rs.getObject(2, UUID.class), rs.getString(3), rs.getTimestamp(4).toInstant(),
              State.valueOf(rs.getString(5))));
        });
    return found;
  }

  /** An earlier tip-off of the office's jurisdiction, for a duplicate's reference. */
  public boolean exists(UUID id, JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select 1 from tipoff t where t.id = :id and " + scope.predicate("t.jurisdiction_path")))
        .param("id", id).query(Integer.class).optional().isPresent();
  }

  /** Sets the state and the given columns (pairs of column name and value) of a tip-off. */
  public void update(UUID id, State state, Object... columnsAndValues) {
    StringBuilder sql = new StringBuilder("update tipoff set state = :state");
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      sql.append(", ").append(columnsAndValues[i]).append(" = :c").append(i);
    }
    JdbcClient.StatementSpec statement = jdbc.sql(sql.append(" where id = :id").toString())
        .param("state", state.name()).param("id", id);
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      Object value = columnsAndValues[i + 1];
      statement = statement.param("c" + i, value instanceof Instant at ? Timestamp.from(at)
          : value instanceof Enum<?> e ? e.name() : value);
    }
    statement.update();
  }

  private static String visible(JurisdictionScope scope, boolean office) {
    return scope.predicate(office ? "t.jurisdiction_path" : "t.assigned_path");
  }

  private static TipOff row(ResultSet rs, Instant now) throws SQLException {
    State state = State.valueOf(rs.getString(10));
    Instant due = ts(rs, 15);
    String outcome = rs.getString(18);
    TipOff.Referral referral = rs.getObject(29) == null ? null : new TipOff.Referral(rs.getObject(29, UUID.class),
        TipOff.Concealed.valueOf(rs.getString(30)), TipOff.ReferredTo.valueOf(rs.getString(31)), rs.getString(32),
        rs.getString(33), ConcealmentState.valueOf(rs.getString(34)), ts(rs, 35), rs.getString(36),
        rs.getString(37) == null ? null : TipOff.ReferralOutcome.valueOf(rs.getString(37)),
        rs.getObject(38, LocalDate.class), rs.getString(39), null);
    return new TipOff(rs.getObject(1, UUID.class), rs.getString(2), TipOff.Channel.valueOf(rs.getString(3)),
        TipOff.Topic.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
        rs.getString(9), state, ts(rs, 11), rs.getString(12), rs.getString(13), ts(rs, 14), due,
        TipOffCase.overdue(state, due, now), rs.getObject(16, UUID.class), rs.getString(17),
        outcome == null ? null : TipOff.Outcome.valueOf(outcome), rs.getString(19), ts(rs, 20),
        rs.getBigDecimal(21), rs.getString(22), ts(rs, 23), rs.getString(24), ts(rs, 25), rs.getString(26),
        rs.getString(27), referral, List.of(), rs.getObject(28, UUID.class));
  }

  private static Instant ts(ResultSet rs, int column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
