package org.epicommand.labtest.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.epicommand.account.CurrentUser;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.labtest.TubeKind;
import org.epicommand.person.IdType;
import org.epicommand.person.PersonLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code tubes}: CSV {@code tubeBarcode,kind,memberIdType,memberIdNumber,siteCode,collectedAt},
 * one row per member. Per batch: cells are parsed and members looked up by document (one query),
 * the rows are COPYed into a staging table, checked set-based (unknown site, the same member twice,
 * a tube described differently than before, a full pool) and merged with {@code on conflict do
 * nothing} on the natural keys (barcode; tube and person), so importing a file twice changes
 * nothing. New members also count as tested in every campaign whose window and scope they fall in, and
 * new tubes and members in the campaign board's rollup ({@link BoardRollup}).
 * Members outside the importer's jurisdiction are reported like unknown persons.
 */
@Component
class TubeImport implements ImportHandler {

  static final String STAGE = """
      create temp table if not exists labtest_stage_tube (
        line int, barcode text collate "C", kind text, person_id uuid, jurisdiction_path text collate "C",
        site_code text collate "C", collected_at timestamptz, site_id bigint, tube_id bigint,
        err_field text, err_code text) on commit delete rows""";

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final PersonLookup persons;
  private final CurrentUser currentUser;
  private final LabtestProperties properties;
  private final Clock clock;

  TubeImport(DataSource dataSource, JdbcClient jdbc, PersonLookup persons, CurrentUser currentUser,
      LabtestProperties properties, Clock clock) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.persons = persons;
    this.currentUser = currentUser;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return "tubes";
  }

  @Override
  public List<String> columns() {
    return List.of("tubeBarcode", "kind", "memberIdType", "memberIdNumber", "siteCode", "collectedAt");
  }

  @Override
  public String requiredAuthority() {
    return "LAB_SAMPLE_WRITE";
  }

  @Override
  public int batchSize() {
    return properties.importBatchSize();
  }

  private record Parsed(ImportRow row, String barcode, TubeKind kind, PersonLookup.Document document, String site,
      Instant collectedAt) {}

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    JurisdictionScope scope = currentUser.get().scope();
    List<Parsed> parsed = new java.util.ArrayList<>(rows.size());
    Set<PersonLookup.Document> documents = new LinkedHashSet<>();
    for (ImportRow row : rows) {
      Parsed p = parse(row, batch);
      if (p != null) {
        parsed.add(p);
        documents.add(p.document());
      }
    }
    Map<PersonLookup.Document, PersonLookup.Match> found = persons.byDocuments(documents);
    Map<Integer, ImportRow> byLine = new HashMap<>();
    Staging staging = new Staging();
    for (Parsed p : parsed) {
      PersonLookup.Match match = found.get(p.document());
      if (match == null || !scope.contains(match.jurisdictionPath())) {
        batch.reject(p.row(), "memberIdNumber", "labtest.unknownPerson");
        continue;
      }
      byLine.put(p.row().line(), p.row());
      staging.field(p.row().line()).field(p.barcode()).field(p.kind().name()).field(match.person().id())
          .field(match.jurisdictionPath()).field(p.site()).last(p.collectedAt());
    }
    staging.copyInto(dataSource, STAGE,
        "copy labtest_stage_tube (line, barcode, kind, person_id, jurisdiction_path, site_code, collected_at) from stdin");
    if (staging.rows() == 0) {
      return;
    }
    validate(batch.importId());
    jdbc.sql("select line, err_field, err_code from labtest_stage_tube where err_code is not null").query(rs -> {
      batch.reject(byLine.get(rs.getInt(1)), rs.getString(2), rs.getString(3));
    });
    merge(batch.importId());
  }

  private Parsed parse(ImportRow row, ImportBatch batch) {
    String barcode = row.get("tubeBarcode");
    if (barcode == null || barcode.length() > 40) {
      batch.reject(row, "tubeBarcode", "labtest.barcode");
      return null;
    }
    TubeKind kind;
    try {
      kind = TubeKind.valueOf(String.valueOf(row.get("kind")).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      batch.reject(row, "kind", "labtest.kind");
      return null;
    }
    IdType idType = IdType.RESIDENT_ID;
    if (row.get("memberIdType") != null) {
      try {
        idType = IdType.valueOf(row.get("memberIdType").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        batch.reject(row, "memberIdType", "person.idType");
        return null;
      }
    }
    String number = row.get("memberIdNumber");
    if (number == null) {
      batch.reject(row, "memberIdNumber", "labtest.unknownPerson");
      return null;
    }
    if (idType == IdType.RESIDENT_ID) {
      number = number.toUpperCase(Locale.ROOT);
    }
    String site = row.get("siteCode");
    if (site == null) {
      batch.reject(row, "siteCode", "labtest.unknownSite");
      return null;
    }
    String collected = row.get("collectedAt");
    Instant collectedAt = collected == null ? null : Cells.instant(collected, clock.getZone());
    if (collectedAt == null) {
      batch.reject(row, "collectedAt", "labtest.instant");
      return null;
    }
    return new Parsed(row, barcode, kind, new PersonLookup.Document(idType, number), site, collectedAt);
  }

  /** Marks the rows that cannot land, set-based; the first problem of a row wins. */
  private void validate(UUID importId) {
    jdbc.sql("""
        update labtest_stage_tube s set site_id = x.id from labtest_site x where x.code = s.site_code
        """).update();
    jdbc.sql("""
        update labtest_stage_tube set err_field = 'siteCode', err_code = 'labtest.unknownSite'
        where site_id is null and err_code is null
        """).update();
    // the same member twice in the file: in this batch, or in an earlier batch of the same import
    jdbc.sql("""
        update labtest_stage_tube s set err_field = 'memberIdNumber', err_code = 'labtest.duplicateMember'
        from (select line, row_number() over (partition by barcode, person_id order by line) as n
              from labtest_stage_tube where err_code is null) d
        where d.line = s.line and d.n > 1
        """).update();
    jdbc.sql("""
        update labtest_stage_tube s set err_field = 'memberIdNumber', err_code = 'labtest.duplicateMember'
        from labtest_tube t join labtest_tube_member m on m.tube_id = t.id
        where t.barcode = s.barcode and m.person_id = s.person_id and s.err_code is null
          and m.source_import_id = :importId and m.source_line <> s.line
        """).param("importId", importId).update();
    // a tube is one kind, from one site, collected once: rows must agree with the tube's first row
    jdbc.sql("""
        update labtest_stage_tube s set err_field = 'tubeBarcode', err_code = 'labtest.tubeConflict'
        from (select distinct on (barcode) barcode, kind, site_id, collected_at
              from labtest_stage_tube where err_code is null order by barcode, line) f
        where f.barcode = s.barcode and s.err_code is null
          and (f.kind, f.site_id, f.collected_at) is distinct from (s.kind, s.site_id, s.collected_at)
        """).update();
    jdbc.sql("""
        update labtest_stage_tube s set tube_id = t.id,
          err_field = case when (t.kind, t.site_id, t.collected_at) is distinct from (s.kind, s.site_id, s.collected_at)
                           then 'tubeBarcode' end,
          err_code = case when (t.kind, t.site_id, t.collected_at) is distinct from (s.kind, s.site_id, s.collected_at)
                          then 'labtest.tubeConflict' end
        from labtest_tube t where t.barcode = s.barcode and s.err_code is null
        """).update();
    // members beyond the pool's size (counting those already stored)
    jdbc.sql("""
        update labtest_stage_tube s set err_field = 'tubeBarcode', err_code = 'labtest.poolFull'
        from (select n.line, n.kind,
                     row_number() over (partition by n.barcode order by n.line)
                       + coalesce((select count(*) from labtest_tube_member m where m.tube_id = n.tube_id), 0) as size
              from labtest_stage_tube n
              where n.err_code is null and not exists (select 1 from labtest_tube_member m
                  where m.tube_id = n.tube_id and m.person_id = n.person_id)) c
        where c.line = s.line and c.size > case c.kind when 'SINGLE' then 1 when 'POOL_5' then 5
                                                       when 'POOL_10' then 10 else 20 end
        """).update();
  }

  private void merge(UUID importId) {
    // new tubes (at their first row's member's path), counted as sampled
    jdbc.sql("""
        with new_tubes as (
          insert into labtest_tube (barcode, kind, state, site_id, collected_at, source_import_id, jurisdiction_path)
          select distinct on (barcode) barcode, kind, 'COLLECTED', site_id, collected_at, :importId, jurisdiction_path
          from labtest_stage_tube where err_code is null and tube_id is null
          order by barcode, line
          on conflict (barcode) do nothing
          returning site_id, collected_at, jurisdiction_path)
        %s
        """.formatted(BoardRollup.TUBES)).param("importId", importId).update();
    jdbc.sql("""
        update labtest_stage_tube s set tube_id = t.id from labtest_tube t
        where t.barcode = s.barcode and s.tube_id is null and s.err_code is null
        """).update();
    // members, counted as sampled and each new member once as tested in the campaigns covering their sampling
    jdbc.sql("""
        with added as (
          insert into labtest_tube_member (tube_id, person_id, jurisdiction_path, source_import_id, source_line)
          select tube_id, person_id, jurisdiction_path, :importId, line from labtest_stage_tube
          where err_code is null
          on conflict do nothing
          returning tube_id, person_id, jurisdiction_path),
        counted as (%s),
        sampled as (%s),
        tested as (
          insert into labtest_campaign_tested (campaign_id, person_id)
          select distinct c.id, a.person_id
          from added a
          join labtest_tube t on t.id = a.tube_id
          join labtest_campaign c on t.collected_at >= c.starts_at and t.collected_at < c.ends_at
          join labtest_campaign_scope cs on cs.campaign_id = c.id
            and a.jurisdiction_path like cs.jurisdiction_path || '%%'
          on conflict do nothing
          returning campaign_id, person_id)
        insert into labtest_campaign_population as p (campaign_id, jurisdiction_path, residents, tested)
        select t.campaign_id, a.jurisdiction_path, 0, count(*)
        from tested t join (select distinct on (person_id) person_id, jurisdiction_path from added) a
          on a.person_id = t.person_id
        group by t.campaign_id, a.jurisdiction_path
        on conflict (campaign_id, jurisdiction_path) do update set tested = p.tested + excluded.tested
        """.formatted(BoardRollup.MEMBERS, BoardRollup.PERSONS)).param("importId", importId).update();
  }
}
