package org.epicommand.quality.fuzz;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.DemoPlaces;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Import kind {@code pushed-list}, imported by {@code commander}. Resident ID numbers use birth region
 * 419005, which nothing else uses, so no row matches a registered person or another list's open item;
 * every valid row becomes one item keyed by its document number.
 */
final class PushedListKind implements ImportKind {

  static final String REGION = "419005";

  @Override
  public String kind() {
    return "pushed-list";
  }

  @Override
  public String user() {
    return "commander";
  }

  @Override
  public List<String> columns() {
    return List.of("listRef", "idType", "idNumber", "name", "phone", "reason", "sourceRegion", "pushedAt");
  }

  @Override
  public List<String> textColumns() {
    return List.of("name", "reason");
  }

  @Override
  public int maxLength(String textColumn) {
    return textColumn.equals("name") ? 50 : 200;
  }

  @Override
  public String keyColumn() {
    return "idNumber";
  }

  /** A valid row: a resident or a passport holder, with or without phone, region and reason, in one of the time styles.
   * */
  record Item(boolean passport, int typeStyle, boolean phone, int region, int timeStyle,
      int list) implements ValidRecipe {

    @Override
    public Map<String, String> cells(RenderState state) {
      long key = state.nextKey();
      Map<String, String> cells = new LinkedHashMap<>();
      cells.put("listRef", "FUZZ-" + list);
      if (passport) {
        cells.put("idType", typeStyle % 2 == 0 ? "PASSPORT" : "passport");
        cells.put("idNumber", String.format("PL%08d", key));
      } else {
        cells.put("idType", List.of("RESIDENT_ID", "", "resident_id").get(typeStyle % 3));
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(key / 500);
        cells.put("idNumber", PersonsKind.residentId(REGION, birth, 500 + (int) (key % 500)));
      }
      cells.put("name", "推送" + RenderState.chinese(key));
      cells.put("phone", phone ? String.format("136%08d", key % 100_000_000) : "");
      cells.put("reason", "涉疫地区停留");
      cells.put("sourceRegion", List.of("", DemoPlaces.DISTRICT, DemoPlaces.OTHER_DISTRICT, "110105").get(region % 4));
      cells.put("pushedAt", List.of("2022-11-20T08:00:00+08:00", "2022-11-20 08:00", "2022-11-20 08:00:30",
          "2022/11/20 09:15").get(timeStyle % 4));
      return cells;
    }
  }

  @Override
  public Gen<Item> validRows() {
    return r -> new Item(Gen.of(false, false, true).next(r), r.nextInt(6), r.nextBoolean(), r.nextInt(4), r.nextInt(4),
        r.nextInt(3));
  }

  /** One broken value; each is a rejection by the pushed-list rules. */
  record Broken(String what, String value) implements Invalidation {

    @Override
    public void apply(Map<String, String> cells) {
      switch (what) {
        case "residentId" -> {
          String valid = PersonsKind.residentId(REGION, LocalDate.of(1979, 3, 3), 321);
          cells.put("idType", "RESIDENT_ID");
          cells.put("idNumber", switch (value) {
            case "checksum" -> valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
            case "17digits" -> valid.substring(0, 17);
            case "future" -> {
              String first17 = REGION + "29990101" + "123";
              yield first17 + PersonsKind.checkCharacter(first17);
            }
            default -> value;
          });
        }
        case "noIdentifier" -> {
          cells.put("idNumber", "");
          cells.put("phone", "");
        }
        default -> cells.put(what, value);
      }
    }
  }

  @Override
  public Gen<Broken> invalidations() {
    return Gen.oneOf(
        Gen.of("checksum", "17digits", "future", "身份证", "X").map(v -> new Broken("residentId", v)),
        Gen.constant(new Broken("noIdentifier", "")),
        Gen.of("", "L".repeat(101)).map(v -> new Broken("listRef", v)),
        Gen.of("DRIVER", "驾驶证").map(v -> new Broken("idType", v)),
        Gen.of("12345", "电话", "+1 555 0100").map(v -> new Broken("phone", v)),
        Gen.constant(new Broken("name", "模".repeat(51))),
        Gen.of("", "明天", "2022-13-01 08:00", "2999-01-01 08:00", "20221120").map(v -> new Broken("pushedAt", v)),
        Gen.constant(new Broken("reason", "因".repeat(201))));
  }

  @Override
  public Map<String, Map<String, String>> stored(JdbcClient jdbc, Collection<String> keys) {
    Map<String, Map<String, String>> stored = new HashMap<>();
    if (keys.isEmpty()) {
      return stored;
    }
    jdbc.sql("select id_number, coalesce(name, '') as name, coalesce(reason, '') as reason from pushed_item"
            + " where id_number in (:keys)")
        .param("keys", keys).query(rs -> {
          stored.put(rs.getString("id_number"), Map.of("name", rs.getString("name"), "reason", rs.getString("reason")));
        });
    return stored;
  }
}
