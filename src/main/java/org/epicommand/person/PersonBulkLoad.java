package org.epicommand.person;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Loads persons in bulk with PostgreSQL COPY, for the synthetic demo city and the 10 M benchmarks.
 * The rows are trusted (generated, already valid): no per-row rules run here. Households are copied
 * first, then persons, each from its own pass over the source, which must therefore be repeatable.
 */
@Service
public class PersonBulkLoad {

  /** A generated person; members of one household come one after another. */
  public record BulkPerson(UUID id, String name, IdType idType, String idNumber, Sex sex, LocalDate birthDate,
      String phone, String address, UUID householdId, String jurisdictionCode, String jurisdictionPath) {}

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final Clock clock;

  PersonBulkLoad(DataSource dataSource, JdbcClient jdbc, Clock clock) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public long count() {
    return jdbc.sql("select count(*) from person").query(Long.class).single();
  }

  /** Copies the households and persons of {@code source} (called twice); returns the number of persons. */
  public long copy(Supplier<Iterator<BulkPerson>> source) {
    String now = clock.instant().toString();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      var copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
      CopyIn households = copyApi.copyIn(
          "copy household (id, address, jurisdiction_code, jurisdiction_path) from stdin");
      try (Rows rows = new Rows(households)) {
        UUID last = null;
        for (Iterator<BulkPerson> it = source.get(); it.hasNext(); ) {
          BulkPerson p = it.next();
          if (p.householdId() != null && !p.householdId().equals(last)) {
            rows.field(p.householdId().toString()).field(p.address()).field(p.jurisdictionCode())
                .last(p.jurisdictionPath());
            last = p.householdId();
          }
        }
      }
      CopyIn persons = copyApi.copyIn("copy person (id, name, id_type, id_number, sex, birth_date, phone, address,"
          + " household_id, jurisdiction_code, jurisdiction_path, created_at, updated_at) from stdin");
      long count = 0;
      try (Rows rows = new Rows(persons)) {
        for (Iterator<BulkPerson> it = source.get(); it.hasNext(); count++) {
          BulkPerson p = it.next();
          rows.field(p.id().toString()).field(p.name()).field(p.idType().name()).field(p.idNumber())
              .field(p.sex().name()).field(p.birthDate() == null ? null : p.birthDate().toString()).field(p.phone())
              .field(p.address()).field(p.householdId() == null ? null : p.householdId().toString())
              .field(p.jurisdictionCode()).field(p.jurisdictionPath()).field(now).last(now);
        }
      }
      connection.commit();
      return count;
    } catch (SQLException e) {
      throw new IllegalStateException("bulk load failed: " + e.getMessage(), e);
    }
  }

  /** COPY text format, written in 256 KB chunks. */
  private static final class Rows implements AutoCloseable {

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(1 << 18);

    Rows(CopyIn copy) {
      this.copy = copy;
    }

    Rows field(String value) {
      append(value);
      buffer.append('\t');
      return this;
    }

    void last(String value) {
      append(value);
      buffer.append('\n');
      if (buffer.length() >= (1 << 18) - 1024) {
        flush();
      }
    }

    private void append(String value) {
      if (value == null) {
        buffer.append("\\N");
        return;
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '\\' -> buffer.append("\\\\");
          case '\t' -> buffer.append("\\t");
          case '\n' -> buffer.append("\\n");
          case '\r' -> buffer.append("\\r");
          default -> buffer.append(c);
        }
      }
    }

    private void flush() {
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      try {
        copy.writeToCopy(bytes, 0, bytes.length);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      buffer.setLength(0);
    }

    @Override
    public void close() throws SQLException {
      flush();
      copy.endCopy();
    }
  }

}
