package org.epicommand.labtest;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.epicommand.account.CurrentUser;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transport batches: the hand-over moves each tube COLLECTED → IN_TRANSIT, the receipt at the lab
 * IN_TRANSIT → RECEIVED; a tube in another state refuses the move (409 naming its state), and so
 * does a retired sampling site or lab (409) — a batch handed over before it was retired is still received.
 */
@Service
public class TransportBatches {

  static final int MAX_TUBES = 5_000;

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final Clock clock;

  TransportBatches(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Transactional
  public TransportBatch handOver(String code, String siteCode, String labCode, List<String> barcodes) {
    List<FieldProblem> problems = new ArrayList<>();
    String batchCode = code == null ? null : code.strip();
    if (batchCode == null || batchCode.isEmpty() || batchCode.length() > 40) {
      problems.add(FieldProblem.of("code", "labtest.barcode"));
    }
    Optional<Place> site = place("labtest_site", siteCode);
    if (site.isEmpty()) {
      problems.add(FieldProblem.of("siteCode", "labtest.unknownSite"));
    }
    Optional<Place> lab = place("labtest_lab", labCode);
    if (lab.isEmpty()) {
      problems.add(FieldProblem.of("labCode", "labtest.unknownLab"));
    }
    LinkedHashSet<String> wanted = new LinkedHashSet<>();
    if (barcodes != null) {
      barcodes.stream().filter(b -> b != null && !b.isBlank()).map(String::strip).forEach(wanted::add);
    }
    if (wanted.isEmpty() || wanted.size() > MAX_TUBES) {
      problems.add(FieldProblem.of("barcodes", "labtest.barcodes", MAX_TUBES));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (site.get().retired()) {
      throw Conflict.of("labtest.siteRetired");
    }
    if (lab.get().retired()) {
      throw Conflict.of("labtest.labRetired");
    }
    String list = String.join("\u0001", wanted);
    record Tube(String barcode, TubeState state) {}
    List<Tube> tubes = jdbc.sql("""
        select barcode, state from labtest_tube where barcode = any(string_to_array(:list, chr(1)))
        order by barcode for update
        """).param("list", list).query((rs, n) -> new Tube(rs.getString(1), TubeState.valueOf(rs.getString(2)))).list();
    if (tubes.size() < wanted.size()) {
      throw new ValidationFailure(FieldProblem.of("barcodes", "labtest.unknownTube"));
    }
    for (Tube tube : tubes) {
      if (!tube.state().canMoveTo(TubeState.IN_TRANSIT)) {
        throw Conflict.illegalTransition("labtest.tubeState", tube.state());
      }
    }
    if (jdbc.sql("select 1 from labtest_transport_batch where code = ?").param(batchCode).query(Integer.class)
        .optional().isPresent()) {
      throw Conflict.duplicate("labtest.batchDuplicate", batchCode);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    long id = jdbc.sql("""
        insert into labtest_transport_batch (code, site_id, lab_id, handed_over_at, created_by)
        values (?, ?, ?, ?, ?) returning id
        """).params(batchCode, site.get().id(), lab.get().id(), now, currentUser.get().username()).query(Long.class).single();
    jdbc.sql("""
        update labtest_tube set state = 'IN_TRANSIT', transport_batch_id = :batch
        where barcode = any(string_to_array(:list, chr(1)))
        """).param("batch", id).param("list", list).update();
    return find(batchCode).orElseThrow();
  }

  private record Place(long id, boolean retired) {}

  /** A sampling site or lab by code, with whether it is retired. */
  private Optional<Place> place(String table, String code) {
    return code == null ? Optional.empty() : jdbc.sql("select id, retired_at is not null from " + table
        + " where code = ?").param(code.strip()).query((rs, n) -> new Place(rs.getLong(1), rs.getBoolean(2)))
        .optional();
  }

  @Transactional
  public TransportBatch receive(String code) {
    TransportBatch batch = find(code).orElseThrow(() -> new RecordNotFound("transport batch"));
    if (batch.receivedAt() != null) {
      throw Conflict.illegalTransition("labtest.tubeState", TubeState.RECEIVED);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("update labtest_transport_batch set received_at = ? where code = ?").params(now, code).update();
    // tubes resulted meanwhile keep their result
    jdbc.sql("""
        update labtest_tube set state = 'RECEIVED'
        where transport_batch_id = (select id from labtest_transport_batch where code = ?) and state = 'IN_TRANSIT'
        """).param(code).update();
    return find(code).orElseThrow();
  }

  public Optional<TransportBatch> find(String code) {
    return jdbc.sql("""
        select b.code, s.code, l.code, b.handed_over_at, b.received_at,
               (select count(*) from labtest_tube t where t.transport_batch_id = b.id)
        from labtest_transport_batch b join labtest_site s on s.id = b.site_id join labtest_lab l on l.id = b.lab_id
        where b.code = ?
        """).param(code).query((rs, n) -> new TransportBatch(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
            rs.getInt(6))).optional();
  }
}
