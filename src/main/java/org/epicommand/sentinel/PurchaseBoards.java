package org.epicommand.sentinel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.epicommand.account.CurrentUser;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.sentinel.internal.PurchaseDays;
import org.epicommand.sentinel.internal.SentinelProperties;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;

/**
 * The sentinel board (an early-warning signal): how many buyers registered at the pharmacies of a division each
 * day, by drug class and by part of the division, each day set against the mean of the 7 days before it. A day's
 * count of a class in a part rises when it is at least the configured minimum and the configured share (50 %)
 * above that mean. Counts only, no person: the board reads the pharmacies' daily counts, never a registration.
 */
@Service
public class PurchaseBoards {

  /** The days the board draws, the day asked for the last. */
  public static final int DAYS = 14;
  /** The days before a day whose mean is its baseline. */
  public static final int BASELINE_DAYS = 7;

  private final PurchaseDays counts;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final SentinelProperties properties;
  private final Clock clock;

  PurchaseBoards(PurchaseDays counts, Jurisdictions jurisdictions, CurrentUser currentUser,
      SentinelProperties properties, Clock clock) {
    this.counts = counts;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The board of {@code jurisdiction} (default: the caller's division; 404 outside their reach) on {@code day}
   * (default today; a day to come is 400 on {@code day}), all classes or one.
   */
  public PurchaseBoard board(String jurisdiction, LocalDate day, DrugClass drugClass) {
    LocalDate today = LocalDate.now(clock);
    LocalDate on = day == null ? today : day;
    if (on.isAfter(today)) {
      throw new ValidationFailure(FieldProblem.of("day", "sentinel.board.futureDay"));
    }
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    Jurisdiction division = scope.code() == null ? null : jurisdictions.find(scope.code()).orElse(null);
    if (division == null) {
      return new PurchaseBoard(null, null, on, drugClass, properties.risePercent(), properties.riseMinimum(),
          List.of(), List.of(), List.of(), List.of());
    }
    LocalDate first = on.minusDays(DAYS - 1L);
    List<PurchaseDays.Count> rows = counts.counts(division.code(), first.minusDays(BASELINE_DAYS), on);
    Predicate<PurchaseDays.Count> chosen = c -> drugClass == null || c.drugClass() == drugClass;

    Series all = Series.of(rows, chosen);
    List<PurchaseBoard.Day> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(on); d = d.plusDays(1)) {
      days.add(new PurchaseBoard.Day(d, all.registrations(d), all.packs(d), round(all.baseline(d))));
    }
    List<PurchaseBoard.ClassLine> classes = new ArrayList<>();
    for (DrugClass c : DrugClass.values()) {
      classes.add(new PurchaseBoard.ClassLine(c, figure(Series.of(rows, r -> r.drugClass() == c), on)));
    }
    Map<String, Jurisdiction> parts = new LinkedHashMap<>();
    jurisdictions.children(division.code()).forEach(child -> parts.put(child.code(), child));
    if (parts.isEmpty() || rows.stream().anyMatch(r -> r.part().isEmpty())) {
      parts.put("", division);
    }
    List<PurchaseBoard.PartLine> partLines = new ArrayList<>();
    List<PurchaseBoard.Alert> alerts = new ArrayList<>();
    parts.forEach((part, place) -> {
      partLines.add(new PurchaseBoard.PartLine(place.code(), place.name(), part.isEmpty(),
          figure(Series.of(rows, r -> r.part().equals(part) && chosen.test(r)), on)));
      for (DrugClass c : DrugClass.values()) {
        PurchaseBoard.Figure figure = figure(Series.of(rows, r -> r.part().equals(part) && r.drugClass() == c), on);
        if (figure.rising() && (drugClass == null || c == drugClass)) {
          alerts.add(new PurchaseBoard.Alert(place.code(), place.name(), c, figure));
        }
      }
    });
    alerts.sort(Comparator.comparingLong((PurchaseBoard.Alert a) -> a.figure().registrations()).reversed());
    return new PurchaseBoard(division.code(), division.name(), on, drugClass, properties.risePercent(),
        properties.riseMinimum(), days, classes, partLines, alerts);
  }

  private PurchaseBoard.Figure figure(Series series, LocalDate day) {
    long registrations = series.registrations(day);
    double baseline = series.baseline(day);
    Integer change = baseline > 0 ? (int) Math.round((registrations - baseline) * 100 / baseline) : null;
    boolean rising = registrations >= properties.riseMinimum()
        && registrations * 100.0 >= baseline * (100 + properties.risePercent());
    return new PurchaseBoard.Figure(registrations, series.packs(day), round(baseline), change, rising);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  /** The registrations and packs per day of the rows a filter keeps. */
  private record Series(Map<LocalDate, long[]> byDay) {

    static Series of(List<PurchaseDays.Count> rows, Predicate<PurchaseDays.Count> keep) {
      Map<LocalDate, long[]> byDay = new HashMap<>();
      for (PurchaseDays.Count row : rows) {
        if (keep.test(row)) {
          long[] sums = byDay.computeIfAbsent(row.day(), d -> new long[2]);
          sums[0] += row.registrations();
          sums[1] += row.packs();
        }
      }
      return new Series(byDay);
    }

    long registrations(LocalDate day) {
      return byDay.getOrDefault(day, new long[2])[0];
    }

    long packs(LocalDate day) {
      return byDay.getOrDefault(day, new long[2])[1];
    }

    /** The mean registrations of the 7 days before the day. */
    double baseline(LocalDate day) {
      long sum = 0;
      for (int back = 1; back <= BASELINE_DAYS; back++) {
        sum += registrations(day.minusDays(back));
      }
      return (double) sum / BASELINE_DAYS;
    }
  }
}
