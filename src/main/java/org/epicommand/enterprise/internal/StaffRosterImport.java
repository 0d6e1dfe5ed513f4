package org.epicommand.enterprise.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.imports.CellValues;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.keygroup.DutyBlock;
import org.epicommand.organisation.CreditCode;
import org.epicommand.organisation.OrganisationSnapshot;
import org.epicommand.organisation.Organisations;
import org.epicommand.person.DocumentCheck;
import org.epicommand.person.IdType;
import org.epicommand.person.PersonLookup;
import org.epicommand.person.PersonMatching;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.quarantine.QuarantineOrders;
import org.epicommand.shared.CopyRows;
import org.epicommand.shared.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code staff-roster} (CSV or XLSX
 * {@code creditCode,idType,idNumber,name,phone,post,returnedFrom,returnedOn}, optional {@code keyPost},
 * {@code onDuty}): the 返岗 staff of organisations inside the importer's reach (a contact: their own), one
 * row per organisation and document. Each batch is checked and linked ahead of its transaction — rows
 * with an invalid document, an unknown or out-of-reach organisation (the same answer), a retired one, or
 * a document twice in the file are refused with their line — then copied into a staging table and stored
 * by one statement: a new document is added, a known one corrected, the same row again changes nothing.
 * Each organisation's ledger change is audited once per batch (the batch's events in one statement), and
 * the organisations' figures are recounted once per batch. A person a key group blocks from duty at the row's
 * organisation already is stored off duty and marked not cleared at once (as the ledger's form does): asked of the
 * key groups in the batch's transaction, which derive the batch's persons as of now first (a write, so never ahead
 * of the transaction).
 */
@Component
class StaffRosterImport implements ImportHandler {

  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("creditCode", "统一社会信用代码", "信用代码", "社会信用代码", "单位代码"),
      ImportColumn.of("idType", "证件类型"),
      ImportColumn.documentNumber("idNumber", "证件号码", "身份证号", "身份证号码", "证件号"),
      ImportColumn.of("name", "姓名"),
      ImportColumn.of("phone", "联系电话", "手机号", "手机号码", "电话", "联系方式"),
      ImportColumn.of("post", "岗位", "工作岗位", "职务"),
      ImportColumn.of("returnedFrom", "返岗来源地", "来源地", "返回前所在地", "从何地返回"),
      ImportColumn.of("returnedOn", "返岗日期", "返回日期", "到岗日期"),
      ImportColumn.optional("keyPost", "重点岗位", "是否重点岗位"),
      ImportColumn.optional("onDuty", "是否在岗", "在岗"));

  /** A checked row, with the organisation it belongs to and the platform's link. */
  record Accepted(ImportRow row, OrganisationSnapshot organisation, IdType idType, String idNumber, String name,
      String phone, String post, boolean keyPost, String returnedFrom, LocalDate returnedOn, boolean onDuty,
      UUID personId, boolean underQuarantine, DutyBlock block) {

    /** The row with the key groups' block of its person at its organisation ({@code null}: none). */
    Accepted blocked(DutyBlock by) {
      return new Accepted(row, organisation, idType, idNumber, name, phone, post, keyPost, returnedFrom, returnedOn,
          onDuty, personId, underQuarantine, by);
    }
  }

  /** A row refused ahead of the transaction. */
  record Refused(ImportRow row, FieldProblem problem) {}

  /** A batch checked and linked (the key groups' blocks not asked yet). */
  record Prepared(List<Accepted> accepted, List<Refused> refused) {}

  private final Organisations organisations;
  private final Reaches reaches;
  private final PersonMatching persons;
  private final QuarantineOrders quarantine;
  private final KeyGroupBlocks blocks;
  private final StaffStore store;
  private final OrgFigures figures;
  private final AuditTrail audit;
  private final Clock clock;

  StaffRosterImport(Organisations organisations, Reaches reaches, PersonMatching persons, QuarantineOrders quarantine,
      KeyGroupBlocks blocks, StaffStore store, OrgFigures figures, AuditTrail audit, Clock clock) {
    this.blocks = blocks;
    this.organisations = organisations;
    this.reaches = reaches;
    this.persons = persons;
    this.quarantine = quarantine;
    this.store = store;
    this.figures = figures;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return "staff-roster";
  }

  @Override
  public List<ImportColumn> importColumns() {
    return COLUMNS;
  }

  @Override
  public String requiredAuthority() {
    return "RESUMPTION_APPLY";
  }

  @Override
  public int batchSize() {
    return 5000;
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    importBatch(rows, null, batch);
  }

  @Override
  public Object prepare(List<ImportRow> rows, ImportBatch batch) {
    Reach reach = reaches.current();
    LocalDate today = LocalDate.now(clock);
    Set<String> codes = new HashSet<>();
    rows.forEach(r -> CreditCode.parse(r.get("creditCode")).ifPresent(codes::add));
    Map<String, OrganisationSnapshot> found = organisations.findForPlatform(codes);
    List<Accepted> accepted = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (ImportRow row : rows) {
      List<FieldProblem> problems = new ArrayList<>();
      Accepted a = check(row, found, reach, today, problems);
      if (a != null) {
        Integer first = firstLine.putIfAbsent(a.organisation().id() + "|" + a.idType() + "|" + a.idNumber(),
            row.line());
        if (first != null) {
          problems.add(FieldProblem.of("idNumber", "resumption.roster.twice", first));
        }
      }
      if (problems.isEmpty()) {
        accepted.add(a);
      } else {
        refused.add(new Refused(row, problems.get(0)));
      }
    }
    return new Prepared(link(accepted), refused);
  }

  private static Accepted check(ImportRow row, Map<String, OrganisationSnapshot> found, Reach reach, LocalDate today,
      List<FieldProblem> problems) {
    OrganisationSnapshot org = CreditCode.parse(row.get("creditCode")).map(found::get).orElse(null);
    if (CreditCode.parse(row.get("creditCode")).isEmpty()) {
      problems.add(FieldProblem.of("creditCode", "organisation.creditCode"));
    } else if (org == null || !reach.contains(org.path(), org.sector().name())) {
      problems.add(FieldProblem.of("creditCode", "resumption.roster.organisationUnknown"));
    } else if (!org.active()) {
      problems.add(FieldProblem.of("creditCode", "resumption.roster.organisationRetired"));
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
    String phone = row.get("phone") == null ? null : PhoneNumbers.normalize(row.get("phone"));
    if (row.get("phone") != null && phone == null) {
      problems.add(FieldProblem.of("phone", "person.phone"));
    }
    String post = row.get("post");
    if (post != null && post.length() > 50) {
      problems.add(FieldProblem.of("post", "organisation.tooLong", 50));
    }
    String from = row.get("returnedFrom");
    if (from != null && from.length() > 100) {
      problems.add(FieldProblem.of("returnedFrom", "organisation.tooLong", 100));
    }
    LocalDate on = row.get("returnedOn") == null ? null : CellValues.date(row.get("returnedOn"));
    if (row.get("returnedOn") != null && on == null) {
      problems.add(FieldProblem.of("returnedOn", "resumption.roster.date"));
    }
    Boolean keyPost = flag(row.get("keyPost"), "keyPost", problems);
    Boolean onDuty = flag(row.get("onDuty"), "onDuty", problems);
    if (!problems.isEmpty()) {
      return null;
    }
    return new Accepted(row, org, type, document.number(), name, phone, post, Boolean.TRUE.equals(keyPost), from, on,
        onDuty == null || onDuty, null, false, null);
  }

  /** Links the accepted rows to the registry (one statement for the batch) and finds who is under quarantine. */
  private List<Accepted> link(List<Accepted> accepted) {
    Map<PersonLookup.Document, String> names = new HashMap<>();
    accepted.forEach(a -> names.put(new PersonLookup.Document(a.idType(), a.idNumber()), a.name()));
    Map<PersonLookup.Document, String> linked = persons.linkForPlatform(names);
    Set<UUID> ids = new HashSet<>();
    linked.values().forEach(id -> ids.add(UUID.fromString(id)));
    Set<UUID> under = quarantine.underOpenOrder(ids);
    List<Accepted> out = new ArrayList<>(accepted.size());
    for (Accepted a : accepted) {
      String id = linked.get(new PersonLookup.Document(a.idType(), a.idNumber()));
      UUID person = id == null ? null : UUID.fromString(id);
      out.add(new Accepted(a.row(), a.organisation(), a.idType(), a.idNumber(), a.name(), a.phone(), a.post(),
          a.keyPost(), a.returnedFrom(), a.returnedOn(), a.onDuty(), person, person != null && under.contains(person),
          null));
    }
    return out;
  }

  /**
   * The accepted rows with whom a key group blocks from duty at the row's organisation (one question for the batch,
   * in its transaction: the key groups derive those persons as of now first).
   */
  private List<Accepted> withBlocks(List<Accepted> accepted) {
    Set<UUID> ids = new HashSet<>();
    accepted.stream().filter(a -> a.personId() != null).forEach(a -> ids.add(a.personId()));
    Map<String, DutyBlock> blocked = blocks.of(ids);
    List<Accepted> out = new ArrayList<>(accepted.size());
    for (Accepted a : accepted) {
      out.add(a.personId() == null ? a
          : a.blocked(blocked.get(KeyGroupBlocks.key(a.organisation().creditCode(), a.personId().toString()))));
    }
    return out;
  }

  /** The accepted rows as the staging table takes them. */
  private static CopyRows staged(List<Accepted> accepted) {
    CopyRows rows = StaffStore.batch();
    for (Accepted a : accepted) {
      rows.field(UUID.fromString(a.organisation().id())).field(a.organisation().path()).field(a.name())
          .field(a.idType().name()).field(a.idNumber()).field(a.phone()).field(a.post()).field(a.keyPost())
          .field(a.returnedFrom()).field(a.returnedOn()).field(a.onDuty() && !a.underQuarantine() && a.block() == null)
          .field(a.personId()).field(a.underQuarantine()).last(a.row().line());
    }
    return rows;
  }

  @Override
  public void importBatch(List<ImportRow> rows, Object prepared, ImportBatch batch) {
    Prepared p = prepared == null ? (Prepared) prepare(rows, batch) : (Prepared) prepared;
    p.refused().forEach(r -> batch.reject(r.row(), r.problem().field(), r.problem().code(), r.problem().args()
        .toArray()));
    if (p.accepted().isEmpty()) {
      return;
    }
    List<Accepted> accepted = withBlocks(p.accepted());
    Map<String, OrganisationSnapshot> organisationsTouched = new LinkedHashMap<>();
    accepted.forEach(a -> organisationsTouched.putIfAbsent(a.organisation().id(), a.organisation()));
    figures.save(organisationsTouched.values());
    Set<Integer> stored = new HashSet<>(store.upsert(staged(accepted), batch.importId(), clock.instant()));
    if (stored.size() < accepted.size()) {
      notStored(accepted, stored, batch);
    }
    Map<String, Integer> changed = new LinkedHashMap<>();
    accepted.stream().filter(a -> stored.contains(a.row().line()))
        .forEach(a -> changed.merge(a.organisation().id(), 1, Integer::sum));
    audit.recordAll("STAFF_LEDGER", changed.entrySet().stream().map(e -> new AuditTrail.Entry(AuditAction.UPDATE,
        e.getKey(), "staff-roster " + batch.importId() + ": " + e.getValue() + " rows")).toList());
    markBlocked(accepted);
    figures.recount(organisationsTouched.keySet().stream().map(UUID::fromString).toList());
  }

  /**
   * Marks the rows of persons a key group blocks from duty at their organisation (one statement for the batch; rows
   * marked already stay as they are), each audited on the staff member.
   */
  private void markBlocked(List<Accepted> accepted) {
    Map<String, DutyBlock> byRow = new LinkedHashMap<>();
    List<StaffStore.ToBlock> toBlock = new ArrayList<>();
    for (Accepted a : accepted) {
      if (a.block() != null && byRow.putIfAbsent(a.organisation().id() + "|" + a.personId(), a.block()) == null) {
        toBlock.add(new StaffStore.ToBlock(UUID.fromString(a.organisation().id()), a.personId(),
            a.block().blocksDays()));
      }
    }
    audit.recordAll("STAFF_MEMBER", store.block(toBlock, clock.instant()).stream().map(row -> new AuditTrail.Entry(
        AuditAction.UPDATE, row.id().toString(), "blocked from duty by key group "
        + byRow.get(row.organisationId() + "|" + row.personId()).groupCode())).toList());
  }

  /**
   * Rows the statement did not store: the same document twice in this file (an earlier batch holds it: refused
   * naming its line), or nothing new (already present).
   */
  private void notStored(List<Accepted> accepted, Set<Integer> stored, ImportBatch batch) {
    Map<String, Integer> lines = new HashMap<>();
    for (Object[] row : store.sameImport(batch.importId())) {
      lines.put(row[0] + "|" + row[1] + "|" + row[2], (Integer) row[3]);
    }
    for (Accepted a : accepted) {
      if (stored.contains(a.row().line())) {
        continue;
      }
      Integer line = lines.get(a.organisation().id() + "|" + a.idType().name() + "|" + a.idNumber());
      if (line != null && line != a.row().line()) {
        batch.reject(a.row(), "idNumber", "resumption.roster.twice", line);
      } else {
        batch.alreadyPresent(a.row());
      }
    }
  }

  private static Boolean flag(String text, String field, List<FieldProblem> problems) {
    if (text == null) {
      return null;
    }
    return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "是", "y", "yes", "true", "1", "在岗" -> true;
      case "否", "n", "no", "false", "0", "不在岗" -> false;
      default -> {
        problems.add(FieldProblem.of(field, "resumption.roster.flag"));
        yield null;
      }
    };
  }
}
