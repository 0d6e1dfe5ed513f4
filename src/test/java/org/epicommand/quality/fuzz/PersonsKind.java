package org.epicommand.quality.fuzz;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.DemoPlaces;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Import kind {@code persons}, imported by {@code district} (东湖区 990101) into three of its
 * communities. Resident ID numbers use birth region 659004, which neither the demo population nor
 * other tests use; the check character is computed here (GB 11643), independently of the product.
 */
final class PersonsKind implements ImportKind {

  static final String REGION = "659004";
  static final List<String> COMMUNITIES = List.of(DemoPlaces.COMMUNITY, DemoPlaces.NEIGHBOUR, "990101001003");
  /** Few addresses, so that fuzzed persons share a handful of households instead of adding hundreds. */
  static final List<String> ADDRESSES = List.of("", "模糊路1号", "模糊路2号", "模糊路3号");

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";
  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  @Override
  public String kind() {
    return "persons";
  }

  @Override
  public String user() {
    return "district";
  }

  @Override
  public List<String> columns() {
    return List.of("name", "idType", "idNumber", "sex", "birthDate", "phone", "address", "jurisdictionCode");
  }

  @Override
  public List<String> textColumns() {
    return List.of("name", "address");
  }

  @Override
  public int maxLength(String textColumn) {
    return textColumn.equals("name") ? 50 : 200;
  }

  @Override
  public String keyColumn() {
    return "idNumber";
  }

  static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }

  static String residentId(String region, LocalDate birth, int sequence) {
    String first17 = region + birth.format(BASIC) + String.format("%03d", sequence);
    return first17 + checkCharacter(first17);
  }

  /** A valid person: a resident (sex and birth date derived from the number) or a passport holder. */
  record Person(boolean passport, int typeStyle, int sexStyle, int birthStyle, boolean phone, int address,
      int community) implements ValidRecipe {

    @Override
    public Map<String, String> cells(RenderState state) {
      long key = state.nextKey();
      Map<String, String> cells = new LinkedHashMap<>();
      cells.put("name", "模糊" + RenderState.chinese(key));
      String sex;
      String birth;
      if (passport) {
        cells.put("idType", typeStyle % 2 == 0 ? "PASSPORT" : "passport");
        cells.put("idNumber", String.format("FZ%08d", key));
        sex = List.of("", "男", "女", "UNKNOWN").get(sexStyle % 4);
        LocalDate date = LocalDate.of(1950, 1, 1).plusDays(key % 20_000);
        birth = birthStyle % 2 == 0 ? "" : date.toString();
      } else {
        cells.put("idType", List.of("RESIDENT_ID", "", "resident_id").get(typeStyle % 3));
        LocalDate date = LocalDate.of(1940, 1, 1).plusDays(key / 500);
        int sequence = 500 + (int) (key % 500);
        cells.put("idNumber", residentId(REGION, date, sequence));
        boolean male = sequence % 2 == 1;
        sex = switch (sexStyle % 5) {
          case 0 -> "";
          case 1 -> male ? "男" : "女";
          case 2 -> male ? "M" : "F";
          case 3 -> male ? "male" : "female";
          default -> "UNKNOWN";
        };
        birth = switch (birthStyle % 3) {
          case 0 -> "";
          case 1 -> date.toString();
          default -> date.toString().replace('-', '/');
        };
      }
      cells.put("sex", sex);
      cells.put("birthDate", birth);
      cells.put("phone", phone ? String.format("139%08d", key % 100_000_000) : "");
      cells.put("address", ADDRESSES.get(address % ADDRESSES.size()));
      cells.put("jurisdictionCode", COMMUNITIES.get(community % COMMUNITIES.size()));
      return cells;
    }
  }

  @Override
  public Gen<Person> validRows() {
    return r -> new Person(Gen.of(false, false, true).next(r), r.nextInt(6), r.nextInt(10), r.nextInt(6),
        r.nextBoolean(), r.nextInt(10), r.nextInt(3));
  }

  /** One broken value; every one of them is a rejection under the registration rules. */
  record Broken(String what, String value) implements Invalidation {

    @Override
    public void apply(Map<String, String> cells) {
      boolean passport = cells.get("idType").equalsIgnoreCase("PASSPORT");
      String id = cells.get("idNumber");
      switch (what) {
        case "birthDate" -> cells.put("birthDate", value);
        case "birthDateMismatch" -> {
          if (passport) {
            cells.put("birthDate", "2999-01-01");
          } else {
            LocalDate born = LocalDate.parse(id.substring(6, 14), BASIC);
            cells.put("birthDate", born.plusDays(1).toString());
          }
        }
        case "residentId" -> {
          cells.put("idType", "RESIDENT_ID");
          cells.put("sex", "");
          cells.put("birthDate", "");
          cells.put("idNumber", badResidentId(value, passport ? residentId(REGION, LocalDate.of(1980, 5, 5), 777)
              : id));
        }
        case "passportNumber" -> {
          cells.put("idType", "PASSPORT");
          cells.put("idNumber", value);
        }
        case "sex" -> cells.put("sex", value);
        case "sexMismatch" -> {
          if (passport) {
            cells.put("sex", "中性");
          } else {
            boolean male = (id.charAt(16) - '0') % 2 == 1;
            cells.put("sex", male ? "女" : "男");
          }
        }
        default -> cells.put(what, value);
      }
    }

    private static String badResidentId(String how, String valid) {
      String first17 = valid.substring(0, 17);
      return switch (how) {
        case "checksum" -> first17 + (valid.charAt(17) == '1' ? '2' : '1');
        case "17digits" -> first17;
        case "19digits" -> valid + "1";
        case "letter" -> valid.substring(0, 9) + "A" + valid.substring(10);
        case "province00" -> {
          String other = "00" + first17.substring(2);
          yield other + checkCharacter(other);
        }
        case "date19990230" -> {
          String other = REGION + "19990230" + first17.substring(14);
          yield other + checkCharacter(other);
        }
        case "future" -> {
          String other = REGION + "29990101" + first17.substring(14);
          yield other + checkCharacter(other);
        }
        case "old15badDate" -> REGION + "990230" + "123";
        case "fullWidth" -> "６５９００４" + valid.substring(6);
        default -> how;
      };
    }
  }

  @Override
  public Gen<Broken> invalidations() {
    return Gen.oneOf(
        Gen.of("2022-02-30", "20221311", "2022-13-01", "1990-00-10", "2021-02-29", "明天", "abc",
            "31/12/1990", "1990-12-31T08:00", "19901232").map(v -> new Broken("birthDate", v)),
        Gen.constant(new Broken("birthDateMismatch", "")),
        Gen.of("checksum", "17digits", "19digits", "letter", "province00", "date19990230", "future",
            "old15badDate", "fullWidth", "身份证号码", "X", "0").map(v -> new Broken("residentId", v)),
        Gen.of("", "A#1", "AB", "E".repeat(41), "护照123").map(v -> new Broken("passportNumber", v)),
        Gen.of("X", "中性", "2", "MAN").map(v -> new Broken("sex", v)),
        Gen.constant(new Broken("sexMismatch", "")),
        Gen.of("12345", "1391234567", "电话号码", "+1 555 0100", "021-1234").map(v -> new Broken("phone", v)),
        Gen.of("", "   ", "模".repeat(51)).map(v -> new Broken("name", v)),
        Gen.of("DRIVER", "驾驶证", "RESIDENT").map(v -> new Broken("idType", v)),
        Gen.of("990101999999", DemoPlaces.OTHER_DISTRICT_COMMUNITY, "", "abc").map(v -> new Broken("jurisdictionCode",
            v)),
        Gen.constant(new Broken("address", "模".repeat(201))));
  }


  @Override
  public Map<String, Map<String, String>> stored(JdbcClient jdbc, Collection<String> keys) {
    Map<String, Map<String, String>> stored = new HashMap<>();
    if (keys.isEmpty()) {
      return stored;
    }
    jdbc.sql("select id_number, name, coalesce(address, '') as address from person where id_number in (:keys)")
        .param("keys", keys).query(rs -> {
          stored.put(rs.getString("id_number"), Map.of("name", rs.getString("name"), "address",
              rs.getString("address")));
        });
    return stored;
  }
}
