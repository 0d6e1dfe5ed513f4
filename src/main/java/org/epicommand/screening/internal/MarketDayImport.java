package org.epicommand.screening.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.account.CurrentUser;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.screening.Gathering;
import org.epicommand.screening.Gathering.MarketStatus;
import org.epicommand.screening.GatheringPolicies;
import org.epicommand.shared.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code market-days}: a county's rural markets (集市), CSV or XLSX
 * {@code jurisdictionCode,name,schedule,status,hours,note} or the headers offices write (乡镇代码,
 * 集市名称, 集日, 状态, 开市时段, 备注). {@code status} is OPEN / REDUCED_HOURS / SUSPENDED or 正常开市 /
 * 缩短时间 / 暂停. Idempotent by division and name: a new market is added, a known one takes the row's
 * schedule, status, hours and note, an unchanged one counts as already present. Row errors: the rules
 * of a market day, a division outside the importer's jurisdiction, the same market twice in the file.
 */
@Component
class MarketDayImport implements ImportHandler {

  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("jurisdictionCode", "乡镇代码", "所属乡镇代码", "区划代码", "所属区划代码"),
      ImportColumn.of("name", "集市名称", "名称"),
      ImportColumn.of("schedule", "集日", "开集日期"),
      ImportColumn.of("status", "状态", "开市状态"),
      ImportColumn.of("hours", "开市时段", "时段"),
      ImportColumn.of("note", "备注"));

  private final GatheringPolicies policies;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;

  MarketDayImport(GatheringPolicies policies, Jurisdictions jurisdictions, CurrentUser currentUser) {
    this.policies = policies;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
  }

  @Override
  public String kind() {
    return "market-days";
  }

  @Override
  public List<ImportColumn> importColumns() {
    return COLUMNS;
  }

  @Override
  public String requiredAuthority() {
    return "SCREENING_MANAGE";
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    Map<String, Gathering.MarketDay> stored = new HashMap<>();
    policies.marketDays(null).forEach(m -> stored.put(m.jurisdictionCode() + "|" + m.name(), m));
    Map<String, Integer> firstLine = new HashMap<>();
    for (ImportRow row : rows) {
      String statusText = row.get("status");
      MarketStatus status = status(statusText);
      Gathering.NewMarketDay day = new Gathering.NewMarketDay(strip(row.get("jurisdictionCode")),
          strip(row.get("name")), strip(row.get("schedule")), status, strip(row.get("hours")), strip(row.get("note")));
      List<FieldProblem> problems = new java.util.ArrayList<>(policies.checkMarketDay(day));
      if (status == null && statusText != null && !statusText.isBlank()) {
        problems.removeIf(p -> p.field().equals("status"));
        problems.add(FieldProblem.of("status", "invalidValue"));
      }
      if (problems.isEmpty() && jurisdictions.find(day.jurisdictionCode())
          .filter(j -> currentUser.get().scope().contains(j.path())).isEmpty()) {
        problems.add(FieldProblem.of("jurisdictionCode", "screening.outsideScope"));
      }
      String key = day.jurisdictionCode() + "|" + day.name();
      Integer first = problems.isEmpty() ? firstLine.putIfAbsent(key, row.line()) : null;
      if (first != null) {
        problems.add(FieldProblem.of("name", "screening.duplicateInFile", first));
      }
      if (!problems.isEmpty()) {
        FieldProblem p = problems.get(0);
        batch.reject(row, p.field(), p.code(), p.args().toArray());
      } else if (unchanged(stored.get(key), day)) {
        batch.alreadyPresent(row);
      } else {
        stored.put(key, policies.saveMarketDay(day));
      }
    }
  }

  private static boolean unchanged(Gathering.MarketDay m, Gathering.NewMarketDay day) {
    return m != null && m.schedule().equals(day.schedule()) && m.status() == day.status()
        && java.util.Objects.equals(m.hours(), day.hours()) && java.util.Objects.equals(m.note(), day.note());
  }

  private static MarketStatus status(String text) {
    if (text == null) {
      return null;
    }
    return switch (text.strip()) {
      case "正常开市", "开市", "正常" -> MarketStatus.OPEN;
      case "缩短时间", "限时开市", "缩短开市时间" -> MarketStatus.REDUCED_HOURS;
      case "暂停", "暂停开市", "停市" -> MarketStatus.SUSPENDED;
      default -> {
        try {
          yield MarketStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          yield null;
        }
      }
    };
  }

  private static String strip(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
