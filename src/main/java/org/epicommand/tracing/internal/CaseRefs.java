package org.epicommand.tracing.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The case_import_ref table: a line list's own case references per import source. */
@Repository
class CaseRefs {

  record Ref(UUID caseId, UUID importId, int line) {}

  private final JdbcClient jdbc;

  CaseRefs(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Ref> find(String source, String caseRef) {
    return jdbc.sql("select case_id, import_id, line from case_import_ref where source = :s and case_ref = :r")
        .param("s", source).param("r", caseRef)
        .query((rs, n) -> new Ref(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3))).optional();
  }

  void insert(String source, String caseRef, UUID caseId, UUID importId, int line) {
    jdbc.sql("insert into case_import_ref (source, case_ref, case_id, import_id, line) values (:s, :r, :c, :i, :l)")
        .param("s", source).param("r", caseRef).param("c", caseId).param("i", importId).param("l", line).update();
  }
}
