package org.epicommand.quality.fuzz;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.organisation.CreditCode;
import org.epicommand.support.DemoPlaces;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Import kind {@code organisations}, imported by {@code district} (东湖区) into its own divisions. Credit
 * codes are valid GB 32100 codes of region 990109, which no other test uses, with the row's key as the
 * organisation code; the kind is written as its code or by one of its Chinese names.
 */
final class OrganisationsKind implements ImportKind {

  static final List<String> DIVISIONS = List.of(DemoPlaces.DISTRICT, DemoPlaces.STREET, DemoPlaces.COMMUNITY);
  static final List<String> KINDS = List.of("ENTERPRISE", "enterprise", "企业", "学校", "药店", "OTHER", "冷库");

  @Override
  public String kind() {
    return "organisations";
  }

  @Override
  public String user() {
    return "district";
  }

  @Override
  public List<String> columns() {
    // the required columns only: the fuzzer breaks header names, and an optional column misnamed is no header
    // problem (the import ignores a column it does not know)
    return List.of("creditCode", "name", "kind", "jurisdictionCode");
  }

  @Override
  public List<String> textColumns() {
    return List.of("name");
  }

  @Override
  public int maxLength(String textColumn) {
    return 100;
  }

  @Override
  public String keyColumn() {
    return "creditCode";
  }

  static String creditCode(long key) {
    String first17 = String.format("91990109%09d", key % 1_000_000_000L);
    return first17 + CreditCode.checkCharacter(first17);
  }

  /** A valid organisation of one of the kinds, in one of the importer's divisions. */
  record Organisation(int kind, int division) implements ValidRecipe {

    @Override
    public Map<String, String> cells(RenderState state) {
      long key = state.nextKey();
      Map<String, String> cells = new LinkedHashMap<>();
      cells.put("creditCode", creditCode(key));
      cells.put("name", "模糊单位" + RenderState.chinese(key));
      cells.put("kind", KINDS.get(kind % KINDS.size()));
      cells.put("jurisdictionCode", DIVISIONS.get(division % DIVISIONS.size()));
      return cells;
    }
  }

  @Override
  public Gen<Organisation> validRows() {
    return r -> new Organisation(r.nextInt(KINDS.size()), r.nextInt(3));
  }

  /** One broken value; each is a rejection under the directory's rules. */
  record Broken(String column, String value) implements Invalidation {

    @Override
    public void apply(Map<String, String> cells) {
      if (column.equals("checkCharacter")) {
        // the same code with another check character: a typo the checksum must catch
        String code = cells.get("creditCode");
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        cells.put("creditCode", code.substring(0, 17) + wrong);
      } else {
        cells.put(column, value);
      }
    }
  }

  @Override
  public Gen<Broken> invalidations() {
    return Gen.oneOf(
        Gen.constant(new Broken("checkCharacter", "")),
        // too short, too long, letters the alphabet leaves out (I O S V Z), letters in the region, blank
        Gen.of("91990109000000001", "91990109000000001XX", "91990109I0000000O1", "91ABCDEF000000001X", "", "  ")
            .map(v -> new Broken("creditCode", v)),
        Gen.of("", "   ", "单".repeat(101)).map(v -> new Broken("name", v)),
        Gen.of("", "飞船", "SPACESHIP", "1").map(v -> new Broken("kind", v)),
        // unknown, malformed, and a community of the other district (outside the importer's jurisdiction)
        Gen.of("", "999999", "99010100100X", DemoPlaces.OTHER_DISTRICT_COMMUNITY)
            .map(v -> new Broken("jurisdictionCode", v)));
  }

  @Override
  public Map<String, Map<String, String>> stored(JdbcClient jdbc, Collection<String> keys) {
    Map<String, Map<String, String>> stored = new HashMap<>();
    if (keys.isEmpty()) {
      return stored;
    }
    jdbc.sql("select credit_code, name from organisation where credit_code in (:keys)").param("keys", keys)
        .query(rs -> {
          stored.put(rs.getString(1), Map.of("name", rs.getString(2)));
        });
    return stored;
  }
}
