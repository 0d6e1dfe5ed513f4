package org.epicommand.labtest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.shared.FieldProblem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Import kinds {@code sampling-sites} and {@code labs} (CSV or XLSX) for a city with hundreds of
 * them: one row per record, keyed by {@code code}; a new code creates the record, a known one is
 * corrected to what the row says (a column the file lacks keeps the stored value), the same row
 * again changes nothing. Rows are checked as the API checks them (jurisdiction inside the
 * importer's, capacity, coordinates…) and refused with their line; the same code twice in one file,
 * or a code of a record outside the importer's jurisdiction, too. Retiring is not an import's
 * business: a row for a retired record corrects it and leaves it retired.
 */
class PlaceImport implements ImportHandler {

  private final PlaceBook book;
  private final PlaceStore store;
  private final PlaceKind kind;
  private final String name;
  private final List<ImportColumn> columns;

  PlaceImport(PlaceBook book, PlaceStore store, PlaceKind kind, String name, List<ImportColumn> columns) {
    this.book = book;
    this.store = store;
    this.kind = kind;
    this.name = name;
    this.columns = columns;
  }

  @Override
  public String kind() {
    return name;
  }

  @Override
  public List<ImportColumn> importColumns() {
    return columns;
  }

  @Override
  public String requiredAuthority() {
    return "LAB_ADMIN";
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    for (ImportRow row : rows) {
      List<FieldProblem> problems = new ArrayList<>();
      String code = PlaceRules.code(row.get("code"), problems);
      Optional<PlaceRow> stored = problems.isEmpty() ? store.find(kind, code) : Optional.empty();
      PlaceData raw = data(row, stored.map(PlaceRow::data).orElse(null), problems);
      if (problems.isEmpty()) {
        problems.addAll(book.importRow(kind, code, stored, raw, batch.importId(), row.line()));
      }
      Map<String, FieldProblem> first = new LinkedHashMap<>();
      problems.forEach(p -> first.putIfAbsent(p.field(), p));
      first.values().forEach(p -> batch.reject(row, p.field(), p.code(), p.args().toArray()));
    }
  }

  /** The row's data; a column the file lacks keeps what {@code kept} holds (nothing for a new record). */
  private static PlaceData data(ImportRow row, PlaceData kept, List<FieldProblem> problems) {
    Function<String, Boolean> has = column -> row.columns().containsKey(column.toLowerCase(Locale.ROOT));
    boolean known = kept != null;
    return new PlaceData(row.get("name"), row.get("jurisdictionCode"),
        has.apply("address") || !known ? row.get("address") : kept.address(),
        has.apply("contactName") || !known ? row.get("contactName") : kept.contactName(),
        has.apply("contactPhone") || !known ? row.get("contactPhone") : kept.contactPhone(),
        has.apply("capacityPerDay") || !known ? PlaceCells.count(row.get("capacityPerDay"), "capacityPerDay", problems)
            : kept.capacityPerDay(),
        has.apply("samplers") || !known ? PlaceCells.count(row.get("samplers"), "samplers", problems) : kept.samplers(),
        has.apply("openingHours") || !known ? row.get("openingHours") : kept.openingHours(),
        has.apply("reserve") || !known ? PlaceCells.flag(row.get("reserve"), "reserve", problems) : kept.reserve(),
        has.apply("mobile") || !known ? PlaceCells.flag(row.get("mobile"), "mobile", problems) : kept.mobile(),
        has.apply("latitude") || !known ? PlaceCells.degrees(row.get("latitude"), "latitude", problems)
            : kept.latitude(),
        has.apply("longitude") || !known ? PlaceCells.degrees(row.get("longitude"), "longitude", problems)
            : kept.longitude());
  }

  @Configuration(proxyBeanMethods = false)
  static class Kinds {

    /** The columns both kinds may have, with the headers offices give them. */
    static final List<ImportColumn> COMMON = List.of(
        ImportColumn.optional("address", "地址", "详细地址"),
        ImportColumn.optional("contactName", "联系人"),
        ImportColumn.optional("contactPhone", "联系电话", "联系人电话"),
        ImportColumn.optional("latitude", "纬度"),
        ImportColumn.optional("longitude", "经度"));

    /** {@code sampling-sites}: {@code code,name,jurisdictionCode} and any of the optional columns. */
    @Bean
    PlaceImport samplingSiteImport(PlaceBook book, PlaceStore store) {
      return new PlaceImport(book, store, PlaceKind.SITE, "sampling-sites", concat(List.of(
          ImportColumn.of("code", "采样点编码", "采样点代码", "编码"),
          ImportColumn.of("name", "采样点名称", "名称"),
          ImportColumn.of("jurisdictionCode", "所属区划", "区划代码", "所属社区"),
          ImportColumn.optional("capacityPerDay", "日采样能力", "每日采样能力"),
          ImportColumn.optional("samplers", "采样人员数", "采样员人数"),
          ImportColumn.optional("openingHours", "开放时间", "服务时间"))));
    }

    /** {@code labs}: {@code code,name,jurisdictionCode,capacityPerDay} and any of the optional columns. */
    @Bean
    PlaceImport laboratoryImport(PlaceBook book, PlaceStore store) {
      return new PlaceImport(book, store, PlaceKind.LAB, "labs", concat(List.of(
          ImportColumn.of("code", "机构编码", "实验室编码", "编码"),
          ImportColumn.of("name", "机构名称", "实验室名称", "名称"),
          ImportColumn.of("jurisdictionCode", "所属区划", "区划代码"),
          ImportColumn.of("capacityPerDay", "日检测能力", "每日检测能力"),
          ImportColumn.optional("reserve", "储备", "是否储备"),
          ImportColumn.optional("mobile", "移动实验室", "是否移动"))));
    }

    private static List<ImportColumn> concat(List<ImportColumn> own) {
      List<ImportColumn> all = new ArrayList<>(own);
      all.addAll(COMMON);
      return List.copyOf(all);
    }
  }
}
