package org.epicommand.sentinel.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.epicommand.sentinel.DrugClass;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sentinel board's counts ({@code sentinel_purchase_count}): registrations and packs per day of purchase and
 * drug class for every division above a pharmacy, split by the part of the division the pharmacy lies in. A
 * registration's counts are gathered in its transaction and written just before it commits, in the order of their
 * keys, so that two transactions never wait for each other in a circle (an import's batch touches many).
 */
@Component
public class PurchaseDays {

  /** The rows of a division's count a pharmacy's registrations spread over. */
  static final int SHARDS = 8;

  /**
   * The registrations and packs of a day and class in a part of the division read: {@code part} is the code of the
   * child division the pharmacies lie in, empty for pharmacies registered at the division itself.
   */
  public record Count(LocalDate day, DrugClass drugClass, String part, long registrations, long packs) {}

  private record Key(String scope, LocalDate day, String drugClass, String part, int shard) {}

  private static final Comparator<Key> ORDER = Comparator.comparing(Key::scope).thenComparing(Key::day)
      .thenComparing(Key::drugClass).thenComparing(Key::part).thenComparingInt(Key::shard);

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  PurchaseDays(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * One more registration of {@code packs} packs at the pharmacy (its organisation's path: the divisions down to
   * the pharmacy's, then its credit code) on the day of purchase, counted when the transaction commits.
   */
  public void count(String pharmacyCode, String pharmacyPath, LocalDate day, DrugClass drugClass, int packs) {
    String[] segments = pharmacyPath.substring(1).split("/");
    int shard = Math.floorMod(pharmacyCode.hashCode(), SHARDS);
    Map<Key, long[]> pending = pending();
    for (int i = 0; i < segments.length - 1; i++) {
      String part = i == segments.length - 2 ? "" : segments[i + 1];
      long[] sums = pending.computeIfAbsent(new Key(segments[i], day, drugClass.name(), part, shard),
          k -> new long[2]);
      sums[0]++;
      sums[1] += packs;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      write(pending);
    }
  }

  /** The counts of the division's parts per day from {@code from} to {@code to} and class. */
  public List<Count> counts(String divisionCode, LocalDate from, LocalDate to) {
    return jdbc.sql("""
        select day, drug_class, part_code, sum(registrations), sum(packs)
        from sentinel_purchase_count
        where scope_code = ? and day between ? and ?
        group by day, drug_class, part_code""")
        .params(divisionCode, from, to)
        .query((rs, n) -> new Count(rs.getObject(1, LocalDate.class), DrugClass.valueOf(rs.getString(2)),
            rs.getString(3), rs.getLong(4), rs.getLong(5))).list();
  }

  /** The transaction's counts not written yet (a fresh map outside a transaction). */
  @SuppressWarnings("unchecked")
  private Map<Key, long[]> pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new TreeMap<>(ORDER);
    }
    Map<Key, long[]> pending = (Map<Key, long[]>) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      Map<Key, long[]> fresh = new TreeMap<>(ORDER);
      TransactionSynchronizationManager.bindResource(this, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          write(fresh);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(PurchaseDays.this);
        }
      });
      pending = fresh;
    }
    return pending;
  }

  /** Adds the counts, in key order. */
  private void write(Map<Key, long[]> pending) {
    List<Object[]> rows = new ArrayList<>();
    pending.forEach((k, sums) -> rows.add(new Object[] {k.scope(), k.day(), k.drugClass(), k.part(), k.shard(),
        sums[0], sums[1]}));
    pending.clear();
    batch.batchUpdate("""
        insert into sentinel_purchase_count (scope_code, day, drug_class, part_code, shard, registrations, packs)
        values (?, ?, ?, ?, ?, ?, ?)
        on conflict (scope_code, day, drug_class, part_code, shard) do update
          set registrations = sentinel_purchase_count.registrations + excluded.registrations,
              packs = sentinel_purchase_count.packs + excluded.packs""", rows);
  }
}
