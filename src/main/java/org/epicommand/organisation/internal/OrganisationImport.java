package org.epicommand.organisation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.organisation.OrganisationDetails;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.OrganisationSnapshot;
import org.epicommand.organisation.OrganisationsChanged;
import org.epicommand.organisation.SchoolLevel;
import org.epicommand.organisation.Sector;
import org.epicommand.shared.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code organisations} (CSV or XLSX) for a city's directory of thousands: one row per
 * organisation keyed by its credit code; a new code registers it, a known one is corrected to what the
 * row says (an optional column the file lacks keeps the stored value), the same row again changes
 * nothing. Rows are checked as the API checks them and refused with their line; the same code twice in
 * one file, or the code of an organisation outside the importer's jurisdiction, too. A batch is stored
 * set-based, a few statements whatever its size; each organisation registered or changed is audited once
 * (one statement for the batch's events) and the batch's changes are published as one
 * {@link OrganisationsChanged}.
 */
@Component
class OrganisationImport implements ImportHandler {

  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("creditCode", "统一社会信用代码", "信用代码", "社会信用代码"),
      ImportColumn.of("name", "单位名称", "名称", "企业名称", "机构名称"),
      ImportColumn.of("kind", "单位类型", "类型", "场所类型"),
      ImportColumn.of("jurisdictionCode", "属地代码", "所属区划", "行政区划代码", "属地区划代码", "辖区代码"),
      ImportColumn.optional("sector", "行业主管部门", "主管部门", "行业"),
      ImportColumn.optional("address", "地址", "单位地址", "经营地址"),
      ImportColumn.optional("legalRepresentative", "法定代表人", "法人", "负责人"),
      ImportColumn.optional("contactName", "防疫联络员", "联系人"),
      ImportColumn.optional("contactPhone", "联系电话", "联络员电话", "手机号"),
      ImportColumn.optional("headcount", "职工人数", "员工人数", "在岗人数", "人数"),
      ImportColumn.optional("schoolLevel", "学段"),
      ImportColumn.optional("cohorts", "年级", "毕业年级"),
      ImportColumn.optional("maxCapacity", "最大承载量", "核定最大承载量"),
      ImportColumn.optional("religion", "宗教"),
      ImportColumn.optional("clergyCount", "常住教职人员", "教职人员数"));

  private final OrganisationBook book;
  private final DirectoryStore store;
  private final Jurisdictions jurisdictions;
  private final ApplicationEventPublisher events;

  OrganisationImport(OrganisationBook book, DirectoryStore store, Jurisdictions jurisdictions,
      ApplicationEventPublisher events) {
    this.book = book;
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.events = events;
  }

  @Override
  public String kind() {
    return "organisations";
  }

  @Override
  public List<ImportColumn> importColumns() {
    return COLUMNS;
  }

  @Override
  public String requiredAuthority() {
    return "ORGANISATION_WRITE";
  }

  /**
   * Checks the batch row by row against the organisations and the divisions it names (one query each),
   * then stores it set-based: the new organisations in one statement, the known ones in another, their
   * audit events in a third.
   */
  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    Map<String, OrganisationRow> stored = new HashMap<>();
    List<String> codes = rows.stream().map(r -> r.get("creditCode")).filter(java.util.Objects::nonNull)
        .map(c -> c.toUpperCase(Locale.ROOT)).distinct().toList();
    store.findByCodes(codes).forEach(row -> stored.put(row.creditCode(), row));
    Map<String, Jurisdiction.InDistrict> places = jurisdictions.findInDistricts(rows.stream()
        .map(r -> r.get("jurisdictionCode")).filter(java.util.Objects::nonNull).map(String::strip).distinct().toList());
    Map<Integer, ImportRow> byLine = new HashMap<>();
    List<OrganisationBook.Staged> staged = new ArrayList<>();
    for (ImportRow row : rows) {
      List<FieldProblem> problems = new ArrayList<>();
      String code = OrganisationRules.creditCode(row.get("creditCode"), problems);
      Optional<OrganisationRow> existing = code == null ? Optional.empty() : Optional.ofNullable(stored.get(code));
      OrganisationDetails raw = details(row, code, existing.map(OrganisationRow::data).orElse(null), problems);
      Optional<OrganisationBook.Staged> written = problems.isEmpty()
          ? book.stageImportRow(code, existing, raw, batch.importId(), row.line(), problems,
              division -> Optional.ofNullable(places.get(division)))
          : Optional.empty();
      written.ifPresent(s -> {
        stored.put(code, s.row());
        staged.add(s);
        byLine.put(row.line(), row);
      });
      Map<String, FieldProblem> first = new LinkedHashMap<>();
      problems.forEach(p -> first.putIfAbsent(p.field(), p));
      first.values().forEach(p -> batch.reject(row, p.field(), p.code(), p.args().toArray()));
    }
    List<OrganisationBook.Staged> lost = book.storeImported(staged);
    // registered by someone else since the batch read them: refused as the API refuses a code registered twice
    lost.forEach(s -> batch.reject(byLine.get(s.row().sourceLine()), "creditCode", "organisation.duplicate"));
    List<OrganisationSnapshot> changed = staged.stream().filter(OrganisationBook.Staged::changed)
        .filter(s -> !lost.contains(s)).map(s -> s.row().snapshot()).toList();
    if (!changed.isEmpty()) {
      events.publishEvent(new OrganisationsChanged(changed));
    }
  }

  /** The row's details; an optional column the file lacks keeps what {@code kept} holds. */
  private static OrganisationDetails details(ImportRow row, String code, OrganisationDetails kept,
      List<FieldProblem> problems) {
    java.util.function.Predicate<String> has = column -> kept == null
        || row.columns().containsKey(column.toLowerCase(Locale.ROOT));
    OrganisationKind kind = OrganisationKind.parse(row.get("kind"));
    if (kind == null) {
      problems.add(FieldProblem.of("kind", "organisation.kind"));
    }
    Sector sector = has.test("sector") ? Sector.parse(row.get("sector")) : kept.sector();
    if (has.test("sector") && row.get("sector") != null && sector == null) {
      problems.add(FieldProblem.of("sector", "organisation.sector"));
    }
    SchoolLevel level = has.test("schoolLevel") ? level(row.get("schoolLevel"), problems) : kept.schoolLevel();
    return new OrganisationDetails(code, row.get("name"), kind, sector, row.get("jurisdictionCode"),
        has.test("address") ? row.get("address") : kept.address(),
        has.test("legalRepresentative") ? row.get("legalRepresentative") : kept.legalRepresentative(),
        has.test("contactName") ? row.get("contactName") : kept.contactName(),
        has.test("contactPhone") ? row.get("contactPhone") : kept.contactPhone(),
        has.test("headcount") ? count(row.get("headcount"), "headcount", problems) : kept.headcount(),
        level,
        has.test("cohorts") ? OrganisationRules.splitCohorts(row.get("cohorts")) : kept.cohorts(),
        kept == null ? null : kept.boarding(),
        has.test("maxCapacity") ? count(row.get("maxCapacity"), "maxCapacity", problems) : kept.maxCapacity(),
        has.test("religion") ? row.get("religion") : kept.religion(),
        has.test("clergyCount") ? count(row.get("clergyCount"), "clergyCount", problems) : kept.clergyCount());
  }

  private static SchoolLevel level(String text, List<FieldProblem> problems) {
    if (text == null) {
      return null;
    }
    try {
      return SchoolLevel.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(FieldProblem.of("schoolLevel", "organisation.schoolLevel"));
      return null;
    }
  }

  /** A whole number cell, or null when empty; a problem when it is not one. */
  static Integer count(String text, String field, List<FieldProblem> problems) {
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      problems.add(FieldProblem.of(field, "organisation.number"));
      return null;
    }
  }
}
