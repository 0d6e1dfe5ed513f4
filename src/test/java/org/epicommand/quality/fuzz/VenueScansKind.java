package org.epicommand.quality.fuzz;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Import kind {@code venue-scans}, imported by {@code cdc}: three fuzz passport holders scanned at
 * one fuzz venue (both registered once beforehand). Each valid row is a distinct instant (its key
 * in seconds after 2022-11-01), written with an offset, in UTC or as local city time. The kind has
 * no free-text columns.
 */
final class VenueScansKind implements ImportKind {

  static final String VENUE = "FZVENUE1";
  static final List<String> PASSPORTS = List.of("FZS0000001", "FZS0000002", "FZS0000003");
  static final Instant BASE = Instant.parse("2022-11-01T00:00:00Z");
  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Override
  public String kind() {
    return "venue-scans";
  }

  @Override
  public String user() {
    return "cdc";
  }

  @Override
  public List<String> columns() {
    return List.of("idType", "idNumber", "venueCode", "scannedAt");
  }

  @Override
  public List<String> textColumns() {
    return List.of();
  }

  @Override
  public int maxLength(String textColumn) {
    return 0;
  }

  @Override
  public String keyColumn() {
    return "scannedAt";
  }

  @Override
  public void prepare(FuzzApplication app) {
    Api.Caller cdc = app.api().as(user());
    int venue = cdc.post("/api/v1/venues", Map.of("code", VENUE, "name", "模糊场所", "type", "SHOP",
        "jurisdictionCode", DemoPlaces.COMMUNITY)).status();
    if (venue != 201 && venue != 409) {
      throw new IllegalStateException("fuzz venue: HTTP " + venue);
    }
    for (String passport : PASSPORTS) {
      int person = cdc.post("/api/v1/persons", Map.of("name", "模糊扫码" + passport.charAt(passport.length() - 1),
          "idType", "PASSPORT", "idNumber", passport, "sex", "FEMALE", "jurisdictionCode", DemoPlaces.COMMUNITY)).status();
      if (person != 201 && person != 409) {
        throw new IllegalStateException("fuzz person: HTTP " + person);
      }
    }
  }

  /** A valid scan. */
  record Scan(int person, int typeStyle, int timeStyle) implements ValidRecipe {

    @Override
    public Map<String, String> cells(RenderState state) {
      Instant at = BASE.plusSeconds(state.nextKey());
      Map<String, String> cells = new LinkedHashMap<>();
      cells.put("idType", List.of("PASSPORT", "passport").get(typeStyle % 2));
      cells.put("idNumber", PASSPORTS.get(person % PASSPORTS.size()));
      cells.put("venueCode", VENUE);
      cells.put("scannedAt", switch (timeStyle % 3) {
        case 0 -> OffsetDateTime.ofInstant(at, CITY).toString();
        case 1 -> at.toString();
        default -> LOCAL.format(at.atZone(CITY));
      });
      return cells;
    }
  }

  @Override
  public Gen<Scan> validRows() {
    return r -> new Scan(r.nextInt(3), r.nextInt(2), r.nextInt(3));
  }

  /** One broken value; each is a rejection. */
  record Broken(String column, String value) implements Invalidation {

    @Override
    public void apply(Map<String, String> cells) {
      cells.put(column, value);
    }
  }

  @Override
  public Gen<Broken> invalidations() {
    return Gen.oneOf(
        Gen.of("2022-13-01 10:00", "2022-02-30T10:00:00+08:00", "昨天", "abc", "", "2999-01-01T00:00:00+08:00",
            "2019-01-01T00:00:00Z", "1667260800").map(v -> new Broken("scannedAt", v)),
        Gen.of("NOPE", "", "场所", "X".repeat(65)).map(v -> new Broken("venueCode", v)),
        Gen.of("ZZ0000000", "", "FZS000000X").map(v -> new Broken("idNumber", v)),
        Gen.of("DRIVER", "驾驶证").map(v -> new Broken("idType", v)));
  }

  @Override
  public Map<String, Map<String, String>> stored(JdbcClient jdbc, Collection<String> keys) {
    Map<Instant, String> byInstant = new HashMap<>();
    for (String key : keys) {
      Instant at = parse(key);
      if (at != null) {
        byInstant.put(at, key);
      }
    }
    Map<String, Map<String, String>> stored = new HashMap<>();
    if (byInstant.isEmpty()) {
      return stored;
    }
    Set<Instant> found = new HashSet<>();
    jdbc.sql("select s.scanned_at from venue_scan s join venue v on v.id = s.venue_id where v.code = :code"
        + " and s.scanned_at = any(cast(:at as timestamptz[]))").param("code", VENUE)
        .param("at", byInstant.keySet().stream().map(Instant::toString).toArray(String[]::new))
        .query(rs -> {
          found.add(rs.getObject(1, OffsetDateTime.class).toInstant());
        });
    found.forEach(at -> stored.put(byInstant.get(at), Map.of()));
    return stored;
  }

  private static Instant parse(String key) {
    try {
      return OffsetDateTime.parse(key).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(key.replace(' ', 'T')).atZone(CITY).toInstant();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
