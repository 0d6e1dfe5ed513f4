package org.epicommand.vaccination.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.CopyRows;
import org.epicommand.shared.FieldProblem;
import org.epicommand.vaccination.DoseSource;
import org.epicommand.vaccination.DosesRecorded;
import org.epicommand.vaccination.VaccinationStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one way doses land, shared by a site's dose, the {@code doses} import and FHIR Immunizations, in
 * the caller's transaction: the persons' status rows are read (and locked) in one query, each person's
 * doses of the batch are checked in order against them by {@link DoseRules} (a dose repeated as stored
 * is "already there", one that differs is refused), the accepted doses are COPYed into their table, and
 * then, one statement each, the new statuses are stored, the coverage rollup moves each person from their
 * old cell to their new one, and the door-to-door items of persons who reached their band's goal are
 * closed (销号) — so the worker's list is right when the batch commits. One audit event and one {@link
 * DosesRecorded} per call.
 */
@Component
public class DoseLanding {

  /** What became of a dose. */
  public enum Fate { LANDED, PRESENT, DIFFERS, REJECTED }

  /** A dose on its way in, resolved (person, product, site) by its sender; the landing fills the fate. */
  public static final class Candidate {
    final int line;
    final UUID personId;
    final String path;
    final LocalDate birthDate;
    final Integer number;
    final ProductStore.Row product;
    final String batch;
    final LocalDate date;
    final String siteCode;
    final String vaccinatorCode;
    Fate fate;
    String doseId;
    int assigned;
    List<FieldProblem> problems = List.of();

    /** {@code number} null: the person's next dose, unless one of the same product on the same day is stored. */
    public Candidate(int line, UUID personId, String path, LocalDate birthDate, Integer number,
        ProductStore.Row product, String batch, LocalDate date, String siteCode, String vaccinatorCode) {
      this.line = line;
      this.personId = personId;
      this.path = path;
      this.birthDate = birthDate;
      this.number = number;
      this.product = product;
      this.batch = batch;
      this.date = date;
      this.siteCode = siteCode;
      this.vaccinatorCode = vaccinatorCode;
    }

    public Fate fate() {
      return fate;
    }

    /** The dose's id: the new one, or the stored one it repeats or contradicts. */
    public String doseId() {
      return doseId;
    }

    public List<FieldProblem> problems() {
      return problems;
    }

    public int line() {
      return line;
    }

    /** The dose number it landed under (a FHIR dose without one gets the person's next). */
    public int number() {
      return assigned;
    }

    boolean sameAs(DoseStore.StoredDose d) {
      return d.productCode().equals(product.code()) && d.date().equals(date) && Objects.equals(d.batch(), batch)
          && Objects.equals(d.siteCode(), siteCode) && Objects.equals(d.vaccinatorCode(), vaccinatorCode);
    }
  }

  /** Who sends the doses and under which id (an import's, a request's). */
  public record Submission(UUID id, DoseSource source, String username) {}

  private final DoseStore store;
  private final CoverageStore coverage;
  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final VaccinationProperties properties;
  private final Clock clock;

  DoseLanding(DoseStore store, CoverageStore coverage, DataSource dataSource, JdbcClient jdbc, AuditTrail audit,
      ApplicationEventPublisher events, VaccinationProperties properties, Clock clock) {
    this.store = store;
    this.coverage = coverage;
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.audit = audit;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /** Lands the candidates in the caller's transaction and sets each one's fate. */
  public void land(List<Candidate> candidates, Submission submission) {
    if (candidates.isEmpty()) {
      return;
    }
    Map<UUID, List<Candidate>> byPerson = new LinkedHashMap<>();
    candidates.forEach(c -> byPerson.computeIfAbsent(c.personId, p -> new ArrayList<>()).add(c));
    Map<UUID, DoseStore.StatusRow> before = store.lockStatuses(byPerson.keySet());
    Map<UUID, List<DoseStore.StoredDose>> stored = storedDoses(byPerson, before);
    LocalDate today = LocalDate.now(clock);
    List<Accepted> accepted = new ArrayList<>();
    List<DoseStore.StatusRow> after = new ArrayList<>();
    for (Map.Entry<UUID, List<Candidate>> e : byPerson.entrySet()) {
      DoseStore.StatusRow old = before.get(e.getKey());
      DoseStore.StatusRow now = person(e.getValue(), old, stored.getOrDefault(e.getKey(), List.of()), today,
          accepted);
      if (now != null) {
        after.add(now);
      }
    }
    if (accepted.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    copy(accepted, submission, now);
    store.saveStatuses(after, now);
    Map<VaccinationStatus, Integer> changes = rollup(before, after);
    closeTargets(after, today, now);
    audit.record(submission.source() == DoseSource.SITE ? AuditAction.CREATE : AuditAction.IMPORT,
        submission.source() == DoseSource.SITE ? "VACCINATION_DOSE" : "VACCINATION_DOSES",
        submission.source() == DoseSource.SITE ? accepted.get(0).candidate.doseId : submission.id().toString(),
        accepted.size() + " doses from " + submission.source() + " for " + after.size() + " persons");
    events.publishEvent(new DosesRecorded(submission.id(), accepted.size(), changes));
  }

  private record Accepted(Candidate candidate, String role) {}

  /** The stored doses of persons whose candidates repeat a dose number or leave it to us. */
  private Map<UUID, List<DoseStore.StoredDose>> storedDoses(Map<UUID, List<Candidate>> byPerson,
      Map<UUID, DoseStore.StatusRow> before) {
    List<UUID> wanted = new ArrayList<>();
    byPerson.forEach((person, list) -> {
      int doses = before.containsKey(person) ? before.get(person).doses() : 0;
      if (doses > 0 && list.stream().anyMatch(c -> c.number == null || c.number <= doses)) {
        wanted.add(person);
      }
    });
    Map<UUID, List<DoseStore.StoredDose>> found = new HashMap<>();
    store.doses(wanted).forEach(d -> found.computeIfAbsent(d.personId(), p -> new ArrayList<>()).add(d));
    return found;
  }

  /** One person's candidates in order of dose number (then day, then line); answers the new status, if any. */
  private DoseStore.StatusRow person(List<Candidate> candidates, DoseStore.StatusRow old,
      List<DoseStore.StoredDose> storedDoses, LocalDate today, List<Accepted> accepted) {
    candidates.sort(Comparator.comparing((Candidate c) -> c.number == null ? Integer.MAX_VALUE : c.number)
        .thenComparing(c -> c.date).thenComparingInt(c -> c.line));
    List<DoseStore.StoredDose> known = new ArrayList<>(storedDoses);
    DoseRules.Standing standing = old == null ? DoseRules.Standing.NONE
        : new DoseRules.Standing(old.doses(), old.primaryDoses(), old.lastDoseOn());
    boolean changed = false;
    for (Candidate c : candidates) {
      Integer number = c.number;
      if (number == null) {
        DoseStore.StoredDose same = known.stream()
            .filter(d -> d.productCode().equals(c.product.code()) && d.date().equals(c.date)).findFirst().orElse(null);
        if (same != null) {
          c.fate = Fate.PRESENT;
          c.doseId = same.id();
          continue;
        }
        number = standing.doses() + 1;
      }
      if (number <= standing.doses()) {
        int n = number;
        DoseStore.StoredDose existing = known.stream().filter(d -> d.number() == n).findFirst().orElse(null);
        c.fate = existing == null || !c.sameAs(existing) ? Fate.DIFFERS : Fate.PRESENT;
        c.doseId = existing == null ? null : existing.id();
        continue;
      }
      DoseRules.Verdict verdict = DoseRules.check(standing, number, c.product.data(), c.date, c.birthDate, today,
          properties.secondBoosterMinAge());
      if (!verdict.accepted()) {
        c.fate = Fate.REJECTED;
        c.problems = verdict.problems();
        continue;
      }
      c.fate = Fate.LANDED;
      c.assigned = number;
      c.doseId = timeOrdered().toString();
      accepted.add(new Accepted(c, verdict.role().name()));
      known.add(new DoseStore.StoredDose(c.doseId, c.personId, number, c.product.code(), c.date, c.batch, c.siteCode,
          c.vaccinatorCode));
      standing = standing.after(c.product.data().primaryDoses(), c.date);
      changed = true;
    }
    if (!changed) {
      return null;
    }
    Candidate first = candidates.get(0);
    int birthYear = first.birthDate == null ? 0 : first.birthDate.getYear();
    return new DoseStore.StatusRow(first.personId, first.path, birthYear, standing.doses(), standing.primaryDoses(),
        VaccinationStatus.of(standing.doses(), standing.primaryDoses()), standing.lastDoseOn());
  }

  private void copy(List<Accepted> accepted, Submission submission, Instant now) {
    CopyRows rows = new CopyRows();
    String at = now.toString();
    boolean site = submission.source() == DoseSource.SITE;
    for (Accepted a : accepted) {
      Candidate c = a.candidate;
      rows.field(c.doseId).field(c.personId).field(c.assigned).field(a.role).field(c.product.code()).field(c.batch)
          .field(c.date.toString()).field(c.siteCode).field(c.vaccinatorCode).field(submission.source().name())
          .field(submission.username()).field(at).field(site ? null : submission.id()).last(site ? null : c.line);
    }
    rows.copy(dataSource, "copy vaccination_dose (id, person_id, dose_number, role, product_code, batch, dose_date,"
        + " site_code, vaccinator_code, source, recorded_by, recorded_at, source_import_id, source_line) from stdin");
  }

  /** Moves each person from their old cell of the rollup to their new one; answers the new statuses' counts. */
  private Map<VaccinationStatus, Integer> rollup(Map<UUID, DoseStore.StatusRow> before,
      List<DoseStore.StatusRow> after) {
    Map<DoseStore.Cell, Long> deltas = new HashMap<>();
    Map<VaccinationStatus, Integer> changes = new EnumMap<>(VaccinationStatus.class);
    for (DoseStore.StatusRow now : after) {
      DoseStore.StatusRow old = before.get(now.personId());
      if (old != null) {
        deltas.merge(new DoseStore.Cell(old.path(), old.birthYear(), old.status()), -1L, Long::sum);
      }
      deltas.merge(new DoseStore.Cell(now.path(), now.birthYear(), now.status()), 1L, Long::sum);
      if (old == null || old.status() != now.status()) {
        changes.merge(now.status(), 1, Integer::sum);
      }
    }
    store.addCoverage(deltas);
    return changes;
  }

  /** Closes (销号) the open door-to-door items of the persons who reached their band's goal. */
  private void closeTargets(List<DoseStore.StatusRow> after, LocalDate today, Instant now) {
    TargetGoals goals = coverage.goals();
    String[] reached = after.stream().filter(s -> goals.reached(s.birthYear(), today.getYear(), s.status()))
        .map(s -> s.personId().toString()).toArray(String[]::new);
    if (reached.length > 0) {
      jdbc.sql("""
          update vaccination_target set state = 'CLOSED', closed_reason = 'VACCINATED', closed_at = ?, updated_at = ?
          where person_id = any(?::uuid[]) and state <> 'CLOSED'
          """).params(MasterRows.utc(now), MasterRows.utc(now), (Object) reached).update();
    }
  }

  /**
   * A UUID whose first 48 bits are the milliseconds since the epoch (the layout of UUID version 7), so
   * that doses stored one after the other sit next to each other in the primary key.
   */
  static UUID timeOrdered() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
