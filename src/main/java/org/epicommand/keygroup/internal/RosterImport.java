package org.epicommand.keygroup.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.imports.CellValues;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.keygroup.KeyGroup;
import org.epicommand.keygroup.KeyGroups;
import org.epicommand.keygroup.MemberSchedules;
import org.epicommand.organisation.CreditCode;
import org.epicommand.organisation.OrganisationSnapshot;
import org.epicommand.organisation.Organisations;
import org.epicommand.person.DocumentCheck;
import org.epicommand.person.IdType;
import org.epicommand.person.NewPerson;
import org.epicommand.person.PersonMatching;
import org.epicommand.person.PersonRegistry;
import org.epicommand.shared.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code key-group-roster} (CSV or XLSX {@code groupCode,idType,idNumber,name,phone,creditCode,post,from}):
 * members of key groups at organisations inside the importer's reach (a contact: their own). Rows are checked and
 * linked ahead of the batch's transaction — an unknown group, an invalid document, an unknown or out-of-reach
 * organisation (the same answer), a retired one, a bad date, the same person and group twice in the file are refused
 * with their line — then a holder nobody has registered yet is registered through the registry at the
 * organisation's division (a document held under another name or outside the reach: a row error), and each row
 * opens the membership or corrects the open one; the same row again changes nothing. The members' states follow
 * at once from their latest tests.
 */
@Component
class RosterImport implements ImportHandler {

  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("groupCode", "人群代码", "重点人群代码", "人群类别"),
      ImportColumn.of("idType", "证件类型"),
      ImportColumn.documentNumber("idNumber", "证件号码", "身份证号", "身份证号码", "证件号"),
      ImportColumn.of("name", "姓名"),
      ImportColumn.of("phone", "联系电话", "手机号", "手机号码", "电话"),
      ImportColumn.of("creditCode", "统一社会信用代码", "信用代码", "单位代码"),
      ImportColumn.of("post", "岗位", "工作岗位"),
      ImportColumn.of("from", "起始日期", "入组日期", "开始日期"));

  /** A row to store; {@code person} null: nobody holds the document yet, the row registers them. */
  record Accepted(ImportRow row, String group, UUID person, IdType type, String number, String name, String phone,
      OrganisationSnapshot org, String post, LocalDate from) {}

  record Refused(ImportRow row, FieldProblem problem) {}

  record Prepared(List<Accepted> accepted, List<Refused> refused) {}

  private final JdbcClient jdbc;
  private final KeyGroups groups;
  private final MemberSchedules schedules;
  private final ScheduleSql scheduleSql;
  private final Organisations organisations;
  private final PersonMatching persons;
  private final PersonRegistry registry;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final RowAttempts attempts;
  private final Clock clock;

  RosterImport(JdbcClient jdbc, KeyGroups groups, MemberSchedules schedules, ScheduleSql scheduleSql,
      Organisations organisations, PersonMatching persons, PersonRegistry registry, CurrentUser currentUser,
      AuditTrail audit, RowAttempts attempts, Clock clock) {
    this.jdbc = jdbc;
    this.groups = groups;
    this.schedules = schedules;
    this.scheduleSql = scheduleSql;
    this.organisations = organisations;
    this.persons = persons;
    this.registry = registry;
    this.currentUser = currentUser;
    this.audit = audit;
    this.attempts = attempts;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return "key-group-roster";
  }

  @Override
  public List<ImportColumn> importColumns() {
    return COLUMNS;
  }

  @Override
  public String requiredAuthority() {
    return "KEYGROUP_ROSTER";
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    importBatch(rows, null, batch);
  }

  @Override
  public Object prepare(List<ImportRow> rows, ImportBatch batch) {
    JurisdictionScope reach = organisations.scopeOf(currentUser.get());
    LocalDate today = LocalDate.now(clock);
    Set<String> known = new HashSet<>();
    groups.list().stream().map(KeyGroup::code).forEach(known::add);
    Set<String> codes = new HashSet<>();
    rows.forEach(r -> CreditCode.parse(r.get("creditCode")).ifPresent(codes::add));
    Map<String, OrganisationSnapshot> found = organisations.findForPlatform(codes);
    record Checked(ImportRow row, String group, IdType type, String number, String name, String phone,
        OrganisationSnapshot org, String post, LocalDate from) {}
    List<Checked> checked = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    Map<IdType, Map<String, String>> names = new HashMap<>();
    for (ImportRow row : rows) {
      List<FieldProblem> problems = new ArrayList<>();
      String group = row.get("groupCode") == null ? null
          : row.get("groupCode").strip().toUpperCase(java.util.Locale.ROOT);
      if (group == null || !known.contains(group)) {
        problems.add(FieldProblem.of("groupCode", "keygroup.roster.group"));
      }
      IdType type = row.get("idType") == null ? IdType.RESIDENT_ID : IdType.parse(row.get("idType"));
      DocumentCheck.Valid document = null;
      if (type == null) {
        problems.add(FieldProblem.of("idType", "person.idType"));
      } else {
        document = DocumentCheck.check(type, row.get("idNumber"), today, "idNumber", problems);
      }
      String name = row.get("name");
      if (name == null || name.length() > 50) {
        problems.add(FieldProblem.of("name", "person.name"));
      }
      OrganisationSnapshot org = CreditCode.parse(row.get("creditCode")).map(found::get).orElse(null);
      if (CreditCode.parse(row.get("creditCode")).isEmpty()) {
        problems.add(FieldProblem.of("creditCode", "organisation.creditCode"));
      } else if (org == null || !reach.contains(org.path())) {
        problems.add(FieldProblem.of("creditCode", "keygroup.roster.organisationUnknown"));
      } else if (!org.active()) {
        problems.add(FieldProblem.of("creditCode", "keygroup.roster.organisationRetired"));
      }
      String post = row.get("post");
      if (post != null && post.length() > 50) {
        problems.add(FieldProblem.of("post", "keygroup.post"));
      }
      LocalDate from = row.get("from") == null ? today : CellValues.date(row.get("from"));
      if (from == null) {
        problems.add(FieldProblem.of("from", "keygroup.roster.date"));
      }
      if (problems.isEmpty()) {
        checked.add(new Checked(row, group, type, document.number(), name, row.get("phone"), org, post, from));
        names.computeIfAbsent(type, t -> new HashMap<>()).putIfAbsent(document.number(), name);
      } else {
        refused.add(new Refused(row, problems.get(0)));
      }
    }
    Map<IdType, Map<String, String>> linked = new HashMap<>();
    names.forEach((type, byNumber) -> linked.put(type, persons.linkForPlatform(type, byNumber)));
    List<Accepted> accepted = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (Checked c : checked) {
      String person = c.name().equals(names.get(c.type()).get(c.number())) ? linked.get(c.type()).get(c.number())
          : persons.linkForPlatform(c.type(), Map.of(c.number(), c.name())).get(c.number());
      Integer first = firstLine.putIfAbsent(c.group() + "|" + c.type() + "|" + c.number(), c.row().line());
      if (first != null) {
        refused.add(new Refused(c.row(), FieldProblem.of("idNumber", "keygroup.roster.twice", first)));
      } else {
        accepted.add(new Accepted(c.row(), c.group(), person == null ? null : UUID.fromString(person), c.type(),
            c.number(), c.name(), c.phone(), c.org(), c.post(), c.from()));
      }
    }
    return new Prepared(accepted, refused);
  }

  @Override
  public void importBatch(List<ImportRow> rows, Object prepared, ImportBatch batch) {
    Prepared p = prepared == null ? (Prepared) prepare(rows, batch) : (Prepared) prepared;
    p.refused().forEach(r -> batch.reject(r.row(), r.problem().field(), r.problem().code(),
        r.problem().args().toArray()));
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<UUID> touched = new ArrayList<>();
    List<UUID> members = new ArrayList<>();
    for (Accepted given : p.accepted()) {
      Accepted a = given.person() != null ? given : registered(given, batch);
      if (a == null) {
        continue;
      }
      List<Object[]> stored = jdbc.sql("""
          insert into keygroup_member (id, group_code, person_id, person_name, organisation_id, organisation_code,
            organisation_name, jurisdiction_path, post, from_date, source_import_id, source_line, created_at,
            updated_at)
          values (:id, :group, :person, :name, cast(:orgId as uuid), :org, :orgName, :path, :post, :from, :import,
            :line, :now, :now)
          on conflict (group_code, person_id) where retired_at is null do update set
            organisation_id = excluded.organisation_id, organisation_code = excluded.organisation_code,
            organisation_name = excluded.organisation_name, jurisdiction_path = excluded.jurisdiction_path,
            post = excluded.post, from_date = excluded.from_date, source_import_id = excluded.source_import_id,
            source_line = excluded.source_line, updated_at = excluded.updated_at
          where (keygroup_member.organisation_code, keygroup_member.post, keygroup_member.from_date)
            is distinct from (excluded.organisation_code, excluded.post, excluded.from_date)
          returning id, (xmax = 0)
          """).param("id", UUID.randomUUID()).param("group", a.group()).param("person", a.person())
          .param("name", a.name()).param("orgId", a.org().id()).param("org", a.org().creditCode())
          .param("orgName", a.org().name()).param("path", a.org().path()).param("post", a.post())
          .param("from", a.from()).param("import", batch.importId()).param("line", a.row().line())
          .param("now", now).query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getBoolean(2)}).list();
      if (stored.isEmpty()) {
        batch.alreadyPresent(a.row());
        continue;
      }
      touched.add(a.person());
      members.add((UUID) stored.get(0)[0]);
      audit.recordAs(batch.username(), (Boolean) stored.get(0)[1] ? AuditAction.CREATE : AuditAction.UPDATE,
          "KEY_GROUP_MEMBER", stored.get(0)[0].toString(), "key-group-roster " + batch.importId() + " line "
              + a.row().line());
    }
    schedules.observe(touched);
    scheduleSql.sync(members);
  }

  /**
   * The row with its holder registered now through the registry, living at the organisation's division (the
   * registration's own rules and audit, in a savepoint of its own); {@code null} with the row refused when the
   * document is held under another name or outside the reach, or the registration refuses the row.
   */
  private Accepted registered(Accepted a, ImportBatch batch) {
    NewPerson request = new NewPerson(a.name(), a.type(), a.number(), null, null, a.phone(), null,
        a.org().jurisdictionCode());
    return attempts.attempt(batch, a.row(), "idNumber", "keygroup.roster.otherHolder",
        () -> registry.register(request)).map(person -> new Accepted(a.row(), a.group(), UUID.fromString(person.id()),
            a.type(), a.number(), a.name(), a.phone(), a.org(), a.post(), a.from())).orElse(null);
  }
}
