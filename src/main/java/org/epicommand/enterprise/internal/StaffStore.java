package org.epicommand.enterprise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.epicommand.enterprise.Health;
import org.epicommand.person.IdType;
import org.epicommand.shared.CopyRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code enterprise_staff} ledger: one row per organisation and document, read through the caller's
 * {@link Reach}; written one by one from the pages and the API, and a batch at a time by the roster import
 * (staged by COPY, stored by one statement).
 */
@Repository
public class StaffStore {

  static final String COLUMNS = "s.id, s.organisation_id, s.organisation_path, s.name, s.id_type, s.id_number, s.phone,"
      + " s.post, s.key_post, s.returned_from, s.returned_on, s.travel_note, s.health, s.on_duty, s.person_id,"
      + " s.under_quarantine, s.exposed_at, s.updated_at, s.blocked_from_duty_at, s.blocked_days";

  /** Cleared, of a row aliased {@code s}: not under an open quarantine order and not blocked from duty. */
  public static final String CLEARED = "(not s.under_quarantine and s.blocked_from_duty_at is null)";

  /** The roster import's staging table: a batch's checked rows, copied in ({@link CopyRows}), emptied at commit. */
  static final String STAGE = """
      create temp table if not exists enterprise_staff_stage (
        organisation_id uuid, organisation_path text, name text, id_type text, id_number text, phone text, post text,
        key_post boolean, returned_from text, returned_on date, on_duty boolean, person_id uuid,
        under_quarantine boolean, line int) on commit delete rows""";

  /**
   * A new batch for {@link #upsert}: add each row with {@code field(...)} in this order — organisation id, its
   * path, name, document type, number, phone, post, key post, returned from, returned on, on duty, person id,
   * under quarantine — and {@code last(line)}.
   */
  public static CopyRows batch() {
    return new CopyRows();
  }

  private final JdbcClient jdbc;
  private final DataSource dataSource;

  StaffStore(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  /** Inserts a staff member; false when the organisation has one of that document already. */
  public boolean insert(StaffRow r, Instant now) {
    return jdbc.sql("""
        insert into enterprise_staff (id, organisation_id, organisation_path, name, id_type, id_number, phone, post,
          key_post, returned_from, returned_on, travel_note, health, on_duty, person_id, under_quarantine, created_at,
          updated_at)
        values (:id, :org, :path, :name, :idType, :idNumber, :phone, :post, :keyPost, :from, :on, :travel, :health,
          :onDuty, :person, :quarantine, :now, :now)
        on conflict (organisation_id, id_type, id_number) do nothing
        """).param("id", r.id()).param("org", r.organisationId()).param("path", r.organisationPath())
        .param("name", r.name()).param("idType", r.idType().name()).param("idNumber", r.idNumber())
        .param("phone", r.phone()).param("post", r.post()).param("keyPost", r.keyPost())
        .param("from", r.returnedFrom()).param("on", r.returnedOn()).param("travel", r.travelNote())
        .param("health", r.health().name()).param("onDuty", r.onDuty()).param("person", r.personId())
        .param("quarantine", r.underQuarantine()).param("now", Timestamp.from(now)).update() == 1;
  }

  /** Corrects a staff member (the document stays). */
  public void update(StaffRow r, Instant now) {
    jdbc.sql("""
        update enterprise_staff set name = :name, phone = :phone, post = :post, key_post = :keyPost,
          returned_from = :from, returned_on = :on, travel_note = :travel, health = :health, on_duty = :onDuty,
          person_id = :person, updated_at = :now
        where id = :id
        """).param("id", r.id()).param("name", r.name()).param("phone", r.phone()).param("post", r.post())
        .param("keyPost", r.keyPost()).param("from", r.returnedFrom()).param("on", r.returnedOn())
        .param("travel", r.travelNote()).param("health", r.health().name()).param("onDuty", r.onDuty())
        .param("person", r.personId()).param("now", Timestamp.from(now)).update();
  }

  public Optional<StaffRow> find(UUID id, Reach reach) {
    return reach.bind(jdbc.sql("select " + COLUMNS + " from enterprise_staff s where s.id = :id and "
        + reach.on("s.organisation_path", null))).param("id", id).query(StaffStore::row).optional();
  }

  public Optional<UUID> existing(UUID organisationId, IdType type, String number) {
    return jdbc.sql("select id from enterprise_staff where organisation_id = :org and id_type = :type"
            + " and id_number = :number").param("org", organisationId).param("type", type.name())
        .param("number", number).query(UUID.class).optional();
  }

  /** An organisation's ledger by name; {@code onDuty}, {@code cleared}: null does not filter. */
  public List<StaffRow> list(UUID organisationId, Boolean onDuty, Boolean cleared, long offset, int limit) {
    JdbcClient.StatementSpec spec = jdbc.sql("select " + COLUMNS + " from enterprise_staff s"
            + " where s.organisation_id = :org" + (onDuty == null ? "" : " and s.on_duty = :onDuty")
            + (cleared == null ? "" : " and " + CLEARED + " = :cleared")
            + " order by s.name, s.id offset :offset limit :limit")
        .param("org", organisationId).param("offset", offset).param("limit", limit);
    if (onDuty != null) {
      spec = spec.param("onDuty", onDuty);
    }
    if (cleared != null) {
      spec = spec.param("cleared", cleared);
    }
    return spec.query(StaffStore::row).list();
  }

  /**
   * Upserts a batch ({@link #batch()}), staged by COPY: new documents are added, known ones take the row's
   * values when they differ (a repeated file changes nothing). Answers the lines that stored something.
   */
  public List<Integer> upsert(CopyRows batch, UUID importId, Instant now) {
    batch.copyInto(dataSource, STAGE, "copy enterprise_staff_stage (organisation_id, organisation_path, name, id_type,"
        + " id_number, phone, post, key_post, returned_from, returned_on, on_duty, person_id, under_quarantine, line)"
        + " from stdin");
    return jdbc.sql("""
        insert into enterprise_staff (id, organisation_id, organisation_path, name, id_type, id_number, phone, post,
          key_post, returned_from, returned_on, on_duty, person_id, under_quarantine, source_import_id, source_line,
          created_at, updated_at)
        select gen_random_uuid(), u.organisation_id, u.organisation_path, u.name, u.id_type, u.id_number, u.phone,
          u.post, u.key_post, u.returned_from, u.returned_on, u.on_duty, u.person_id, u.under_quarantine, :importId,
          u.line, :now, :now
        from enterprise_staff_stage u
        on conflict (organisation_id, id_type, id_number) do update set name = excluded.name,
          phone = excluded.phone, post = excluded.post, key_post = excluded.key_post,
          returned_from = excluded.returned_from, returned_on = excluded.returned_on,
          on_duty = excluded.on_duty and enterprise_staff.blocked_from_duty_at is null,
          person_id = coalesce(excluded.person_id, enterprise_staff.person_id),
          under_quarantine = case when excluded.person_id is null then enterprise_staff.under_quarantine
            else excluded.under_quarantine end,
          source_import_id = excluded.source_import_id, source_line = excluded.source_line,
          updated_at = excluded.updated_at
        where (enterprise_staff.name, enterprise_staff.phone, enterprise_staff.post, enterprise_staff.key_post,
               enterprise_staff.returned_from, enterprise_staff.returned_on, enterprise_staff.on_duty)
          is distinct from (excluded.name, excluded.phone, excluded.post, excluded.key_post, excluded.returned_from,
               excluded.returned_on, excluded.on_duty)
          and enterprise_staff.source_import_id is distinct from excluded.source_import_id
        returning source_line
        """).param("importId", importId).param("now", Timestamp.from(now)).query(Integer.class).list();
  }

  /**
   * For rows the batch just {@linkplain #upsert staged} did not store: the line of this import that holds the
   * same organisation and document, by organisation, type and number.
   */
  public List<Object[]> sameImport(UUID importId) {
    return jdbc.sql("""
        select s.organisation_id, s.id_type, s.id_number, s.source_line from enterprise_staff s
        join enterprise_staff_stage u
          on s.organisation_id = u.organisation_id and s.id_type = u.id_type and s.id_number = u.id_number
        where s.source_import_id = :importId
        """).param("importId", importId)
        .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)})
        .list();
  }

  /** The staff rows of these persons (for the quarantine and case events). */
  public List<StaffRow> ofPersons(Collection<UUID> persons) {
    return jdbc.sql("select " + COLUMNS + " from enterprise_staff s where s.person_id = any(:persons)")
        .param("persons", persons.toArray(UUID[]::new)).query(StaffStore::row).list();
  }

  /** A document, the name typed with it and its holder in the registry (see {@link #link(List)}). */
  public record Holder(IdType type, String number, String name, UUID personId) {}

  /** Links the rows of a document typed before its holder was registered (the name must be theirs). */
  public int link(IdType type, String number, String name, UUID personId) {
    return link(List.of(new Holder(type, number, name, personId)));
  }

  /** {@link #link(IdType, String, String, UUID)} for many holders in one statement. */
  public int link(List<Holder> holders) {
    if (holders.isEmpty()) {
      return 0;
    }
    return jdbc.sql("""
        update enterprise_staff s set person_id = d.person
        from unnest(cast(:types as text[]), cast(:numbers as text[]), cast(:names as text[]),
          cast(:persons as uuid[])) as d (id_type, id_number, name, person)
        where s.person_id is null and s.id_type = d.id_type and s.id_number = d.id_number and s.name = d.name
        """).param("types", holders.stream().map(h -> h.type().name()).toArray(String[]::new))
        .param("numbers", holders.stream().map(Holder::number).toArray(String[]::new))
        .param("names", holders.stream().map(Holder::name).toArray(String[]::new))
        .param("persons", holders.stream().map(Holder::personId).toArray(UUID[]::new)).update();
  }

  /** Sets the quarantine flag of a person's rows; answers their organisations. */
  public List<UUID> underQuarantine(UUID personId, boolean under, Instant now) {
    return jdbc.sql("update enterprise_staff set under_quarantine = :under, updated_at = :now where person_id = :person"
            + " and under_quarantine <> :under returning organisation_id").param("person", personId)
        .param("under", under).param("now", Timestamp.from(now)).query(UUID.class).list();
  }

  /** A changed row of {@link #block}: the staff member, whether they were on duty until now, organisation, person. */
  public record Blocked(UUID id, boolean wasOnDuty, UUID organisationId, UUID personId) {}

  /** A person to block from duty at an organisation, with their group's blocking days. */
  public record ToBlock(UUID organisationId, UUID personId, Integer days) {}

  /**
   * Blocks the person's rows at the organisation from duty (not cleared, off duty) unless blocked already; answers
   * the rows that changed.
   */
  public List<Blocked> block(UUID organisationId, UUID personId, Integer days, Instant now) {
    return block(List.of(new ToBlock(organisationId, personId, days)), now);
  }

  /** {@link #block} for many persons and organisations in one statement. */
  public List<Blocked> block(List<ToBlock> blocks, Instant now) {
    if (blocks.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        update enterprise_staff s set blocked_from_duty_at = :now, blocked_days = x.days, on_duty = false,
          updated_at = :now
        from enterprise_staff before,
          unnest(cast(:orgs as uuid[]), cast(:persons as uuid[]), cast(:days as int[])) as x (org, person, days)
        where before.id = s.id and s.organisation_id = x.org and s.person_id = x.person
          and s.blocked_from_duty_at is null
        returning s.id, before.on_duty, s.organisation_id, s.person_id
        """).param("orgs", blocks.stream().map(ToBlock::organisationId).toArray(UUID[]::new))
        .param("persons", blocks.stream().map(ToBlock::personId).toArray(UUID[]::new))
        .param("days", blocks.stream().map(ToBlock::days).toArray(Integer[]::new))
        .param("now", Timestamp.from(now)).query((rs, n) -> new Blocked(rs.getObject(1, UUID.class),
            rs.getBoolean(2), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class))).list();
  }

  /** A changed row of {@link #stillBlocked} and {@link #unblock}: the staff member, organisation, person. */
  public record Changed(UUID id, UUID organisationId, UUID personId) {}

  /**
   * Keeps the rows of each person at the organisation blocked (another group still blocks them) with that group's
   * blocking days, in one statement; answers the rows whose days changed.
   */
  public List<Changed> stillBlocked(List<ToBlock> blocks, Instant now) {
    if (blocks.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        update enterprise_staff s set blocked_days = x.days, updated_at = :now
        from unnest(cast(:orgs as uuid[]), cast(:persons as uuid[]), cast(:days as int[])) as x (org, person, days)
        where s.organisation_id = x.org and s.person_id = x.person and s.blocked_from_duty_at is not null
          and s.blocked_days is distinct from x.days
        returning s.id, s.organisation_id, s.person_id
        """).param("orgs", blocks.stream().map(ToBlock::organisationId).toArray(UUID[]::new))
        .param("persons", blocks.stream().map(ToBlock::personId).toArray(UUID[]::new))
        .param("days", blocks.stream().map(ToBlock::days).toArray(Integer[]::new))
        .param("now", Timestamp.from(now)).query(StaffStore::changed).list();
  }

  /**
   * Lifts the block of each person's rows at the organisation ({@link ToBlock#days} unused), in one statement;
   * answers the rows that changed.
   */
  public List<Changed> unblock(List<ToBlock> lifts, Instant now) {
    if (lifts.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        update enterprise_staff s set blocked_from_duty_at = null, blocked_days = null, updated_at = :now
        from unnest(cast(:orgs as uuid[]), cast(:persons as uuid[])) as x (org, person)
        where s.organisation_id = x.org and s.person_id = x.person and s.blocked_from_duty_at is not null
        returning s.id, s.organisation_id, s.person_id
        """).param("orgs", lifts.stream().map(ToBlock::organisationId).toArray(UUID[]::new))
        .param("persons", lifts.stream().map(ToBlock::personId).toArray(UUID[]::new))
        .param("now", Timestamp.from(now)).query(StaffStore::changed).list();
  }

  private static Changed changed(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Changed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class));
  }

  public void exposed(UUID staffId, Instant now) {
    jdbc.sql("update enterprise_staff set exposed_at = :now where id = :id").param("id", staffId)
        .param("now", Timestamp.from(now)).update();
  }

  /** An organisation's ledger in figures (served by the ledger's unique key). */
  public org.epicommand.enterprise.Staffing staffing(UUID organisationId) {
    return jdbc.sql("select count(*), count(*) filter (where s.on_duty),"
            + " count(*) filter (where s.on_duty and " + CLEARED + ") from enterprise_staff s"
            + " where s.organisation_id = :org").param("org", organisationId)
        .query((rs, n) -> org.epicommand.enterprise.Staffing.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
  }

  static StaffRow row(ResultSet rs, int n) throws SQLException {
    return new StaffRow(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
        rs.getString("organisation_path"), rs.getString("name"), IdType.valueOf(rs.getString("id_type")),
        rs.getString("id_number"), rs.getString("phone"), rs.getString("post"), rs.getBoolean("key_post"),
        rs.getString("returned_from"), rs.getObject("returned_on", LocalDate.class), rs.getString("travel_note"),
        Health.valueOf(rs.getString("health")), rs.getBoolean("on_duty"), rs.getObject("person_id", UUID.class),
        rs.getBoolean("under_quarantine"), rs.getObject("exposed_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("blocked_from_duty_at", OffsetDateTime.class),
        (Integer) rs.getObject("blocked_days"));
  }
}
