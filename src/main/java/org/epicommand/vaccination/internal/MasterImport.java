package org.epicommand.vaccination.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * Import kinds {@code vaccination-sites} and {@code vaccinators} (CSV or XLSX, the headers of the
 * immunisation systems' exports accepted): one row per record, keyed by {@code code}; a new code creates
 * the record, a known one is corrected to what the row says (an optional column the file lacks keeps the
 * stored value), the same row again changes nothing. Rows are checked as the API checks them and refused
 * with their line; the same code twice in one file, or the code of a record outside the importer's
 * jurisdiction, too. Retiring is not an import's business: a row for a retired record corrects it and
 * leaves it retired.
 *
 * @param <R> a stored record
 * @param <D> its details
 */
abstract class MasterImport<R, D> implements ImportHandler {

  private final MasterBook<R, D> book;
  private final String kind;
  private final List<ImportColumn> columns;

  MasterImport(MasterBook<R, D> book, String kind, List<ImportColumn> columns) {
    this.book = book;
    this.kind = kind;
    this.columns = columns;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public List<ImportColumn> importColumns() {
    return columns;
  }

  @Override
  public String requiredAuthority() {
    return "VACCINATION_ADMIN";
  }

  /** The import line that last wrote a stored record. */
  abstract Integer line(R row, java.util.UUID importId);

  /** The row's details; an optional column the file lacks keeps what {@code kept} holds (nothing for a new record). */
  abstract D details(ImportRow row, String code, D kept, Function<String, Boolean> has);

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    for (ImportRow row : rows) {
      List<FieldProblem> problems = new ArrayList<>();
      String code = MasterRules.code(row.get("code"), problems);
      Optional<R> stored = problems.isEmpty() ? book.stored(code) : Optional.empty();
      if (stored.isPresent() && !book.inScope(stored.get())) {
        problems.add(FieldProblem.of("code", "vaccination.codeOutsideScope"));
      } else if (stored.isPresent() && line(stored.get(), batch.importId()) != null
          && !Objects.equals(line(stored.get(), batch.importId()), row.line())) {
        problems.add(FieldProblem.of("code", "vaccination.duplicateInFile", line(stored.get(), batch.importId())));
      } else if (problems.isEmpty()) {
        Function<String, Boolean> has = column -> row.columns().containsKey(column.toLowerCase(Locale.ROOT));
        D details = details(row, code, stored.map(book::data).orElse(null), has);
        problems.addAll(book.importRow(code, stored, details, batch.importId(), row.line()));
      }
      reject(batch, row, problems);
    }
  }

  /** Rejects a row with the first problem of each of its fields. */
  static void reject(ImportBatch batch, ImportRow row, List<FieldProblem> problems) {
    Map<String, FieldProblem> first = new LinkedHashMap<>();
    problems.forEach(p -> first.putIfAbsent(p.field(), p));
    first.values().forEach(p -> batch.reject(row, p.field(), p.code(), p.args().toArray()));
  }

  /** A cell of an optional column: the row's when the file has the column or the record is new, else the kept value. */
  static <T> T kept(Function<String, Boolean> has, String column, boolean known, T fromRow, T kept) {
    return has.apply(column) || !known ? fromRow : kept;
  }

  @Configuration(proxyBeanMethods = false)
  static class Kinds {

    /** {@code vaccination-sites}: code, name, division, and optionally organisation, address, phone, mobile. */
    @Bean
    MasterImport<VaccinationSiteStore.Row, org.epicommand.vaccination.VaccinationSiteDetails> vaccinationSiteImport(
        SiteBook book) {
      return new SiteImport(book);
    }

    /** {@code vaccinators}: code, name, site, and optionally the account, phone and certificate. */
    @Bean
    MasterImport<VaccinatorStore.Row, org.epicommand.vaccination.VaccinatorDetails> vaccinatorImport(
        VaccinatorBook book) {
      return new VaccinatorImport(book);
    }
  }
}
