package org.epicommand.tracing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.Supplier;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.cases.CaseNode;
import org.epicommand.cases.CaseRegistry;
import org.epicommand.cases.NewCase;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.person.IdType;
import org.epicommand.person.NewPerson;
import org.epicommand.person.PersonRegistry;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import kind {@code cases} (docs/api.md): a line list
 * {@code
 * caseRef,name,idType,idNumber,sex,age,classification,onsetDate,diagnosedDate,jurisdictionCode,infectorRefs,cluster}.
 *
 * <p>{@code caseRef} is the file's own key. References are kept per import source — the importer's
 * home jurisdiction, i.e. the CDC whose line list it is — so a later import (by anyone of that
 * jurisdiction) may name infectors of an earlier one, and a re-import maps every ref to the case it
 * made the first time: nothing is added twice. Infectors in the same batch are processed first
 * (rows are ordered infector before infectee); infectors in a later batch of the same file are not
 * known yet and reject the row. A row with an empty {@code idNumber} gets a person from name, sex
 * and jurisdiction under a document of type OTHER derived from source and ref ({@code LL…}), so its
 * re-import finds the same person. Each row runs in its own savepoint: a rejected row leaves nothing.
 */
@Component
class CaseLineListImport implements ImportHandler {

  private final PersonRegistry persons;
  private final CaseRegistry cases;
  private final ChainLinking linking;
  private final ChainStore chains;
  private final CaseRefs refs;
  private final CurrentUser currentUser;
  private final TransactionTemplate savepoint;
  private final Clock clock;

  CaseLineListImport(PersonRegistry persons, CaseRegistry cases, ChainLinking linking, ChainStore chains,
      CaseRefs refs, CurrentUser currentUser, PlatformTransactionManager transactions, Clock clock) {
    this.persons = persons;
    this.cases = cases;
    this.linking = linking;
    this.chains = chains;
    this.refs = refs;
    this.currentUser = currentUser;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.clock = clock;
  }

  @Override
  public String kind() {
    return "cases";
  }

  /** The columns, with the headers of the line lists (病例一览表) CDCs keep. */
  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("caseRef", "病例编号", "病例序号", "编号"),
      ImportColumn.of("name", "姓名"),
      ImportColumn.of("idType", "证件类型"),
      ImportColumn.documentNumber("idNumber", "证件号码", "身份证号", "身份证号码", "证件号"),
      ImportColumn.of("sex", "性别"),
      ImportColumn.of("age", "年龄"),
      ImportColumn.of("classification", "病例分类", "分类", "诊断类型"),
      ImportColumn.of("onsetDate", "发病日期"),
      ImportColumn.of("diagnosedDate", "诊断日期", "确诊日期"),
      ImportColumn.of("jurisdictionCode", "所属社区", "社区代码", "行政区划代码", "现住址行政区划代码", "辖区代码"),
      ImportColumn.of("infectorRefs", "传染源病例编号", "感染来源编号", "关联病例编号"),
      ImportColumn.of("cluster", "聚集性疫情", "所属聚集性疫情", "聚集疫情"));

  @Override
  public List<ImportColumn> importColumns() {
    return COLUMNS;
  }

  @Override
  public String requiredAuthority() {
    return "CASE_WRITE";
  }

  @Override
  public int batchSize() {
    return 5000;
  }

  /** A row refused while it was being stored; its savepoint is rolled back. */
  private static final class RowRejected extends RuntimeException {

    private final List<FieldProblem> problems;

    RowRejected(List<FieldProblem> problems) {
      super(null, null, false, false);
      this.problems = problems;
    }

    RowRejected(String field, String code, Object... args) {
      this(List.of(FieldProblem.of(field, code, args)));
    }
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    UserContext user = currentUser.get();
    String source = "j:" + user.jurisdictionCode();
    Map<String, LineListRow> inBatch = new LinkedHashMap<>();
    for (ImportRow row : rows) {
      List<FieldProblem> problems = new ArrayList<>();
      LineListRow parsed = LineListRow.parse(row, problems);
      if (!problems.isEmpty()) {
        reject(batch, row, problems);
        continue;
      }
      LineListRow first = inBatch.get(parsed.caseRef());
      Optional<CaseRefs.Ref> stored = first == null ? refs.find(source, parsed.caseRef()) : Optional.empty();
      if (first != null) {
        batch.reject(row, "caseRef", "tracing.import.duplicateRef", first.row().line());
      } else if (stored.isPresent() && stored.get().importId().equals(batch.importId())
          && stored.get().line() != row.line()) {
        batch.reject(row, "caseRef", "tracing.import.duplicateRef", stored.get().line());
      } else {
        inBatch.put(parsed.caseRef(), parsed);
      }
    }
    Map<String, UUID> resolved = new HashMap<>();
    for (LineListRow row : infectorsFirst(inBatch, batch)) {
      try {
        UUID caseId = savepoint.execute(status -> store(row, source, resolved, batch));
        resolved.put(row.caseRef(), caseId);
        batch.putResult("caseIds", row.caseRef(), caseId.toString());
      } catch (RowRejected e) {
        reject(batch, row.row(), e.problems);
      }
    }
  }

  private static void reject(ImportBatch batch, ImportRow row, List<FieldProblem> problems) {
    LineListRow.firstPerField(problems).forEach(p -> batch.reject(row, column(p.field()), p.code(), p.args()
        .toArray()));
  }

  /** The file's column for a field of the person and case rules. */
  private static String column(String field) {
    return switch (field) {
      case "diagnosedAt" -> "diagnosedDate";
      case "personId" -> "name";
      default -> field;
    };
  }

  /**
   * The rows with infectors of the same batch after those infectors (by line otherwise); rows in a
   * cycle of the file, or hanging on one, are rejected.
   */
  private static List<LineListRow> infectorsFirst(Map<String, LineListRow> rows, ImportBatch batch) {
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<String>> infectees = new HashMap<>();
    rows.values().forEach(row -> {
      int count = 0;
      for (String infector : row.infectorRefs()) {
        if (rows.containsKey(infector)) {
          infectees.computeIfAbsent(infector, k -> new ArrayList<>()).add(row.caseRef());
          count++;
        }
      }
      waiting.put(row.caseRef(), count);
    });
    PriorityQueue<LineListRow> ready = new PriorityQueue<>(java.util.Comparator.comparingInt(r -> r.row().line()));
    rows.values().stream().filter(r -> waiting.get(r.caseRef()) == 0).forEach(ready::add);
    List<LineListRow> ordered = new ArrayList<>();
    while (!ready.isEmpty()) {
      LineListRow row = ready.poll();
      ordered.add(row);
      for (String infectee : infectees.getOrDefault(row.caseRef(), List.of())) {
        if (waiting.merge(infectee, -1, Integer::sum) == 0) {
          ready.add(rows.get(infectee));
        }
      }
    }
    rows.values().stream().filter(r -> waiting.get(r.caseRef()) > 0)
        .forEach(r -> batch.reject(r.row(), "infectorRefs", "tracing.import.cycle"));
    return ordered;
  }

  /** Stores one row inside its savepoint; the case id it maps to. */
  private UUID store(LineListRow row, String source, Map<String, UUID> resolved, ImportBatch batch) {
    List<UUID> infectors = new ArrayList<>();
    for (String ref : row.infectorRefs()) {
      UUID infector = resolved.get(ref);
      if (infector == null) {
        infector = refs.find(source, ref).map(CaseRefs.Ref::caseId)
            .orElseThrow(() -> new RowRejected("infectorRefs", "tracing.import.unknownRef", ref));
      }
      infectors.add(infector);
    }
    Optional<CaseRefs.Ref> known = refs.find(source, row.caseRef());
    UUID caseId = known.isPresent() ? known.get().caseId() : report(row, source);
    if (known.isEmpty()) {
      refs.insert(source, row.caseRef(), caseId, batch.importId(), row.row().line());
    }
    CaseNode infectee = node(caseId);
    for (UUID infectorId : infectors) {
      ChainLinking.Outcome outcome = linking.link(node(infectorId), infectee, null, batch.username());
      if (outcome instanceof ChainLinking.Cycle) {
        throw new RowRejected("infectorRefs", "tracing.cycle");
      }
    }
    if (row.cluster() != null) {
      chains.upsert(infectee);
      chains.setClusterName(caseId, row.cluster());
    }
    return caseId;
  }

  private CaseNode node(UUID caseId) {
    return cases.node(caseId).orElseThrow(() -> new RowRejected("caseRef", "tracing.import.caseOutsideScope"));
  }

  /** Registers (or finds) the person and reports the case; an existing case of the person is reused. */
  private UUID report(LineListRow row, String source) {
    boolean synthetic = row.idNumber() == null;
    IdType type = synthetic ? IdType.OTHER : row.idType() == null ? IdType.RESIDENT_ID : row.idType();
    String number = synthetic ? syntheticNumber(source, row.caseRef()) : row.idNumber();
    NewPerson person = new NewPerson(row.name(), type, number, row.sex(), null, null, null, row.jurisdictionCode());
    String personId;
    try {
      personId = attempt(() -> persons.register(person)).id();
    } catch (Conflict duplicate) {
      if (duplicate.existingId() == null) {
        throw new RowRejected("idNumber", "tracing.import.personOutsideScope");
      }
      personId = duplicate.existingId();
    }
    var diagnosedAt = row.diagnosedDate() == null ? null
        : row.diagnosedDate().atStartOfDay(clock.getZone()).toOffsetDateTime();
    NewCase request = new NewCase(personId, row.classification(), row.onsetDate(), null, diagnosedAt, null, null, null,
        row.age(), true);
    try {
      return UUID.fromString(attempt(() -> cases.report(request)).id());
    } catch (Conflict duplicate) {
      if (duplicate.existingId() == null) {
        throw new RowRejected("idNumber", "tracing.import.personOutsideScope");
      }
      return UUID.fromString(duplicate.existingId());
    }
  }

  /**
   * Runs a call of another module in a savepoint of its own, so that its exception (which marks the
   * transaction rollback-only on its way out) is undone before the row handles it.
   */
  private <T> T attempt(Supplier<T> call) {
    try {
      return savepoint.execute(status -> call.get());
    } catch (ValidationFailure e) {
      throw new RowRejected(e.problems());
    } catch (AccessDeniedException e) {
      throw new RowRejected("jurisdictionCode", "person.outsideScope");
    } catch (RecordNotFound e) {
      throw new RowRejected("name", "case.personUnknown");
    }
  }

  /** A stable document number for a line-list person without one: the same source and ref give the same number. */
  static String syntheticNumber(String source, String caseRef) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest((source + "|" + caseRef)
          .getBytes(StandardCharsets.UTF_8));
      return "LL" + HexFormat.of().withUpperCase().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
