package org.epicommand.jurisdiction.internal;

import java.util.List;
import java.util.Optional;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionRootCreated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code jurisdictions}: national division-code files, CSV
 * {@code code12,code,name,level,parent_code} (level 1 province … 5 village), with an optional
 * {@code population} column (常住人口). Parents must come before their children (as they do in the
 * published files). Re-importing a file changes nothing; a changed name or population is taken over,
 * an empty population keeps the one stored.
 */
@Component
class JurisdictionImport implements ImportHandler {

  private final JurisdictionRepository repository;
  private final ApplicationEventPublisher events;

  JurisdictionImport(JurisdictionRepository repository, ApplicationEventPublisher events) {
    this.repository = repository;
    this.events = events;
  }

  @Override
  public String kind() {
    return "jurisdictions";
  }

  /** The columns, with the headers of the statistical division-code tables. */
  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("code12", "统计用区划代码", "12位代码", "十二位代码"),
      ImportColumn.of("code", "代码", "区划代码", "行政区划代码"),
      ImportColumn.of("name", "名称", "区划名称", "单位名称"),
      ImportColumn.of("level", "级别", "层级"),
      ImportColumn.of("parent_code", "上级代码", "上级区划代码", "上级行政区划代码"),
      ImportColumn.optional("population", "常住人口", "人口"));

  @Override
  public List<ImportColumn> importColumns() {
    return COLUMNS;
  }

  @Override
  public String requiredAuthority() {
    return "JURISDICTION_ADMIN";
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    for (ImportRow row : rows) {
      importRow(row, batch);
    }
  }

  private void importRow(ImportRow row, ImportBatch batch) {
    String code = row.get("code");
    String code12 = row.get("code12");
    String name = row.get("name");
    String levelText = row.get("level");
    String parentCode = row.get("parent_code");
    boolean ok = true;
    if (code == null || !code.matches("\\d{2,20}")) {
      batch.reject(row, "code", "jurisdiction.code");
      ok = false;
    }
    if (code12 != null && !code12.matches("\\d{12}")) {
      batch.reject(row, "code12", "jurisdiction.code12");
      ok = false;
    }
    if (name == null || name.length() > 100) {
      batch.reject(row, "name", "jurisdiction.name");
      ok = false;
    }
    JurisdictionLevel level = null;
    if (levelText != null && levelText.matches("[1-6]")) {
      level = JurisdictionLevel.ofNumber(levelText.charAt(0) - '0');
    } else {
      batch.reject(row, "level", "jurisdiction.level");
      ok = false;
    }
    if (!ok) {
      return;
    }
    Optional<Integer> earlier = repository.lineInImport(code, batch.importId());
    if (earlier.isPresent() && earlier.get() != row.line()) {
      batch.reject(row, "code", "jurisdiction.duplicate", code, earlier.get());
      return;
    }
    if (parentCode != null) {
      Optional<Jurisdiction> parent = repository.find(parentCode);
      if (parent.isEmpty()) {
        batch.reject(row, "parent_code", "jurisdiction.parentMissing", parentCode);
        return;
      }
      if (parent.get().level().number() >= level.number()) {
        batch.reject(row, "level", "jurisdiction.levelBelowParent", parent.get().level().number());
        return;
      }
      parentCode = parent.get().code();
    }
    if (code12 != null) {
      Optional<String> holder = repository.codeOf12(code12);
      if (holder.isPresent() && !holder.get().equals(code)) {
        batch.reject(row, "code12", "jurisdiction.code12Taken", holder.get());
        return;
      }
    }
    Optional<Jurisdiction> existing = repository.find(code);
    if (existing.isPresent() && !java.util.Objects.equals(existing.get().parentCode(), parentCode)) {
      batch.reject(row, "parent_code", "jurisdiction.moved", existing.get().parentCode());
      return;
    }
    Long population = null;
    String populationText = row.get("population");
    if (populationText != null) {
      String digits = populationText.replace(",", "").replace("，", "");
      if (!digits.matches("\\d{1,9}") || Long.parseLong(digits) > 100_000_000L) {
        batch.reject(row, "population", "jurisdiction.population", 100_000_000L);
        return;
      }
      population = Long.parseLong(digits);
    }
    repository.save(code, code12, name, level, parentCode, population, batch.importId(), row.line());
    if (existing.isEmpty() && parentCode == null) {
      events.publishEvent(new JurisdictionRootCreated(code));
    }
  }
}
