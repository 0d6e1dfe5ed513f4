package org.epicommand.person.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.imports.CellValues;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.IdType;
import org.epicommand.person.NewPerson;
import org.epicommand.person.Person;
import org.epicommand.person.Sex;
import org.epicommand.shared.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code persons}: CSV or XLSX
 * {@code name,idType,idNumber,sex,birthDate,phone,address,jurisdictionCode}. Each row passes the
 * same rules as a registration; rows outside the importer's jurisdiction are rejected. A person
 * already registered with identical data counts as imported and changes nothing, so a file can be
 * imported twice; the same document twice in one file is reported as a duplicate.
 */
@Component
class PersonImport implements ImportHandler {

  private final PersonStore store;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final Clock clock;

  PersonImport(PersonStore store, Jurisdictions jurisdictions, CurrentUser currentUser, Clock clock) {
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return "persons";
  }

  /** The columns, with the headers community and district offices give them. */
  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("name", "姓名"),
      ImportColumn.of("idType", "证件类型"),
      ImportColumn.documentNumber("idNumber", "证件号码", "身份证号", "身份证号码", "证件号"),
      ImportColumn.of("sex", "性别"),
      ImportColumn.of("birthDate", "出生日期"),
      ImportColumn.of("phone", "联系电话", "手机号", "手机号码", "电话", "联系方式"),
      ImportColumn.of("address", "现住址", "住址", "居住地址", "家庭住址", "现居住地址"),
      ImportColumn.of("jurisdictionCode", "所属社区", "社区代码", "行政区划代码", "所属社区代码", "辖区代码"));

  @Override
  public List<ImportColumn> importColumns() {
    return COLUMNS;
  }

  @Override
  public String requiredAuthority() {
    return "PERSON_WRITE";
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    UserContext user = currentUser.get();
    LocalDate today = LocalDate.now(clock);
    Map<String, Optional<Jurisdiction>> places = new HashMap<>();
    for (ImportRow row : rows) {
      List<FieldProblem> problems = new ArrayList<>();
      NewPerson request = parse(row, problems);
      PersonRules.Checked checked = PersonRules.check(request, today, problems);
      Optional<Jurisdiction> home = checked.jurisdictionCode() == null ? Optional.empty()
          : places.computeIfAbsent(checked.jurisdictionCode(), jurisdictions::find);
      if (checked.jurisdictionCode() != null && home.isEmpty()) {
        problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
      } else if (home.isPresent() && !user.scope().contains(home.get().path())) {
        problems.add(FieldProblem.of("jurisdictionCode", "person.outsideScope"));
      }
      if (!problems.isEmpty()) {
        problems.stream().collect(java.util.stream.Collectors.toMap(FieldProblem::field, p -> p, (a, b) -> a,
            java.util.LinkedHashMap::new)).values()
            .forEach(p -> batch.reject(row, p.field(), p.code(), p.args().toArray()));
        continue;
      }
      store.findByDocument(checked.idType(), checked.idNumber()).ifPresentOrElse(existing -> {
        if (batch.importId().equals(existing.sourceImportId()) && !Objects.equals(existing.sourceLine(), row.line())) {
          batch.reject(row, "idNumber", "person.duplicateInFile", existing.sourceLine());
        } else if (!same(existing.person(), checked)) {
          batch.reject(row, "idNumber", "person.alreadyRegistered");
        }
      }, () -> {
        Jurisdiction place = home.orElseThrow();
        String household = checked.address() == null ? null
            : store.household(checked.address(), place.code(), place.path()).toString();
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        store.insert(new Person(UUID.randomUUID().toString(), checked.name(), checked.idType(), checked.idNumber(),
            checked.sex(), checked.birthDate(), checked.phone(), checked.address(), household, place.code(), now, now),
            place.path(), batch.importId(), row.line());
      });
    }
  }

  private static boolean same(Person person, PersonRules.Checked checked) {
    return person.name().equals(checked.name()) && person.sex() == checked.sex()
        && Objects.equals(person.birthDate(), checked.birthDate()) && Objects.equals(person.phone(), checked.phone())
        && Objects.equals(person.address(), checked.address())
        && person.jurisdictionCode().equals(checked.jurisdictionCode());
  }

  private static NewPerson parse(ImportRow row, List<FieldProblem> problems) {
    IdType idType = IdType.RESIDENT_ID;
    String type = row.get("idType");
    if (type != null) {
      idType = IdType.parse(type);
      if (idType == null) {
        problems.add(FieldProblem.of("idType", "person.idType"));
      }
    }
    Sex sex = null;
    String sexText = row.get("sex");
    if (sexText != null) {
      sex = Sex.parse(sexText);
      if (sex == null) {
        problems.add(FieldProblem.of("sex", "person.sex"));
      }
    }
    LocalDate birthDate = null;
    String birth = row.get("birthDate");
    if (birth != null) {
      birthDate = CellValues.date(birth);
      if (birthDate == null) {
        problems.add(FieldProblem.of("birthDate", "person.birthDate"));
      }
    }
    return new NewPerson(row.get("name"), idType, row.get("idNumber"), sex, birthDate, row.get("phone"),
        row.get("address"), row.get("jurisdictionCode"));
  }
}
