package org.epicommand.labtest.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.epicommand.imports.ImportBatch;
import org.epicommand.labtest.TubeKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The checks of a {@code tubes} batch whose members are known, in file order, the first problem of a
 * row winning: unknown site; the same member twice in the tube (in this batch, or in an earlier batch
 * of the same import); a row describing its tube (kind, site, sampling time) differently than the
 * tube's first row or the stored tube; a new tube or member at a retired site (a member stored
 * before it was retired stays imported); members beyond the pool's size, counting those stored. What
 * they need from the database — the batch's sites, its tubes already stored and their members — is
 * read in one query each; for a file of new tubes the last two find nothing.
 */
@Component
class TubeChecks {

  /** A tube already stored, with its members (person → the import and line that added them). */
  record StoredTube(long id, TubeKind kind, long siteId, java.time.Instant collectedAt,
      Map<String, Source> members) {}

  record Source(UUID importId, Integer line) {}

  /** A tube to create from its first row, with its member rows; or a stored tube gaining members. */
  static final class Tube {
    final TubeImport.Member first;
    final StoredTube stored;
    final List<TubeImport.Member> added = new ArrayList<>();
    long id;

    Tube(TubeImport.Member first, StoredTube stored) {
      this.first = first;
      this.stored = stored;
      this.id = stored == null ? 0 : stored.id();
    }
  }

  /**
   * The tubes that gain members, by barcode in order of their first row; and every accepted row, the members stored
   * already included (in file order).
   */
  record Outcome(Map<String, Tube> tubes, List<TubeImport.Member> accepted) {}

  private final JdbcClient jdbc;

  TubeChecks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Outcome check(List<TubeImport.Member> known, ImportBatch batch) {
    Map<String, Long> sites = new HashMap<>();
    Set<Long> retired = new HashSet<>();
    sites(known, sites, retired);
    List<TubeImport.Member> valid = new ArrayList<>(known.size());
    record Key(String barcode, String person) {}
    Set<Key> seen = new HashSet<>(known.size() * 2);
    for (TubeImport.Member m : known) {
      Long siteId = sites.get(m.site);
      if (siteId == null) {
        batch.reject(m.row, "siteCode", "labtest.unknownSite");
      } else if (!seen.add(new Key(m.barcode, m.personId))) {
        batch.reject(m.row, "memberIdNumber", "labtest.duplicateMember");
      } else {
        m.siteId = siteId;
        valid.add(m);
      }
    }
    Map<String, StoredTube> stored = stored(valid);
    UUID importId = batch.importId();
    Map<String, TubeImport.Member> firsts = new HashMap<>(valid.size());
    List<TubeImport.Member> described = new ArrayList<>(valid.size());
    for (TubeImport.Member m : valid) {
      StoredTube tube = stored.get(m.barcode);
      Source source = tube == null ? null : tube.members().get(m.personId);
      if (source != null && importId.equals(source.importId()) && !Objects.equals(source.line(), m.line())) {
        batch.reject(m.row, "memberIdNumber", "labtest.duplicateMember");
      } else {
        described.add(m);
      }
    }
    // a tube is one kind, from one site, sampled once: rows must agree with its first row and the stored tube
    List<TubeImport.Member> agreed = new ArrayList<>(described.size());
    for (TubeImport.Member m : described) {
      TubeImport.Member first = firsts.putIfAbsent(m.barcode, m);
      if (first != null && !sameTube(first.kind, first.siteId, first.collectedAt, m)) {
        batch.reject(m.row, "tubeBarcode", "labtest.tubeConflict");
        continue;
      }
      StoredTube tube = stored.get(m.barcode);
      if (tube != null && !sameTube(tube.kind(), tube.siteId(), tube.collectedAt(), m)) {
        batch.reject(m.row, "tubeBarcode", "labtest.tubeConflict");
        continue;
      }
      agreed.add(m);
    }
    // members beyond the pool's size, counting those stored; members stored already change nothing
    Map<String, Tube> tubes = new LinkedHashMap<>();
    Map<String, Integer> sizes = new HashMap<>(valid.size());
    List<TubeImport.Member> accepted = new ArrayList<>(agreed.size());
    for (TubeImport.Member m : agreed) {
      StoredTube tube = stored.get(m.barcode);
      if (tube != null && tube.members().containsKey(m.personId)) {
        accepted.add(m);
        continue;
      }
      if (retired.contains(m.siteId)) {
        batch.reject(m.row, "siteCode", "labtest.siteRetired");
        continue;
      }
      int size = sizes.merge(m.barcode, 1, Integer::sum) + (tube == null ? 0 : tube.members().size());
      if (size > m.kind.capacity()) {
        batch.reject(m.row, "tubeBarcode", "labtest.poolFull");
        continue;
      }
      tubes.computeIfAbsent(m.barcode, b -> new Tube(m, tube)).added.add(m);
      accepted.add(m);
    }
    return new Outcome(tubes, accepted);
  }

  private static boolean sameTube(TubeKind kind, long siteId, java.time.Instant collectedAt, TubeImport.Member m) {
    return kind == m.kind && siteId == m.siteId && collectedAt.equals(m.collectedAt);
  }

  /** The batch's sites: their ids by code, and which of them are retired. */
  private void sites(List<TubeImport.Member> members, Map<String, Long> ids, Set<Long> retired) {
    Set<String> codes = new HashSet<>();
    members.forEach(m -> codes.add(m.site));
    jdbc.sql("select code, id, retired_at is not null from labtest_site where code = any(?::text[])")
        .params((Object) codes.toArray(String[]::new)).query(rs -> {
          ids.put(rs.getString(1), rs.getLong(2));
          if (rs.getBoolean(3)) {
            retired.add(rs.getLong(2));
          }
        });
  }

  /** The batch's tubes already stored, with their members; one query (an index probe per barcode). */
  private Map<String, StoredTube> stored(List<TubeImport.Member> members) {
    Set<String> barcodes = new HashSet<>();
    members.forEach(m -> barcodes.add(m.barcode));
    Map<String, StoredTube> stored = new HashMap<>();
    if (barcodes.isEmpty()) {
      return stored;
    }
    Map<Long, StoredTube> byId = new HashMap<>();
    jdbc.sql("""
        select t.barcode, t.id, t.kind, t.site_id, t.collected_at, m.person_id, m.source_import_id, m.source_line
        from labtest_tube t left join labtest_tube_member m on m.tube_id = t.id
        where t.barcode = any(?::text[])
        """).params((Object) barcodes.toArray(String[]::new)).query(rs -> {
          long id = rs.getLong(2);
          StoredTube tube = byId.computeIfAbsent(id, i -> {
            try {
              StoredTube t = new StoredTube(i, TubeKind.valueOf(rs.getString(3)), rs.getLong(4),
                  rs.getObject(5, OffsetDateTime.class).toInstant(), new HashMap<>());
              stored.put(rs.getString(1), t);
              return t;
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          });
          String person = rs.getString(6);
          if (person != null) {
            tube.members().put(person, new Source(rs.getObject(7, UUID.class), (Integer) rs.getObject(8)));
          }
        });
    return stored;
  }
}
