package org.epicommand.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.SharedData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The Singapore cluster line list (Tindale et al., eLife 2020; 93 cases) through the {@code cases}
 * import: the stored links are exactly the file's "Related cases" relations and the generations
 * follow the platform's definition.
 *
 * <p>How the file's undirected "related" pairs become infector links: the file relates cases in
 * either direction, sometimes in one only (8 names 31, 31 names nobody), and once a case names itself
 * (71). The relation is the symmetric closure of every pair of two different existing cases. Each
 * pair points from the case confirmed first to the other; on the same confirmation day the earlier
 * onset (a known one before an unknown one) is the infector, then the lower case number. That order
 * is total, so the links form no cycle.
 */
@EpiCommandTest
class SingaporeLineListTest {

  static final String FILE = "clusters/COVID-19_Singapore_data_revised.csv";
  static final List<String> COMMUNITIES = List.of(DemoPlaces.COMMUNITY, DemoPlaces.NEIGHBOUR, "990101002001");

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  record SgCase(String id, int number, String onset, String confirmed, String age, String sex, String cluster,
      Set<String> related) {

    String ref() {
      return "SG" + id;
    }
  }

  static List<SgCase> read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<SgCase> cases = new ArrayList<>();
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        Set<String> related = new HashSet<>();
        for (String part : r.get("Related cases").split(",")) {
          String id = part.strip();
          if (id.matches("\\d+")) {
            related.add(id);
          }
        }
        cases.add(new SgCase(r.get("CaseID").strip(), Integer.parseInt(r.get("CaseID").strip()),
            na(r.get("date_onset_symptoms")), r.get("date_confirmation").strip(), na(r.get("age")), r.get("sex")
                .strip(),
            na(r.get("cluster")), related));
      }
      return cases;
    }
  }

  private static String na(String value) {
    return value == null || value.isBlank() || value.strip().equals("NA") ? null : value.strip();
  }

  /** The documented order: confirmation, then known onset, then case number. */
  static final Comparator<SgCase> INFECTOR_FIRST = Comparator.comparing(SgCase::confirmed)
      .thenComparing(c -> c.onset() == null ? "9999-99-99" : c.onset()).thenComparingInt(SgCase::number);

  /** infector id → infectee id, as documented in the class comment. */
  static Set<List<String>> directedLinks(List<SgCase> cases) {
    Map<String, SgCase> byId = cases.stream().collect(Collectors.toMap(SgCase::id, c -> c));
    Set<List<String>> links = new HashSet<>();
    for (SgCase c : cases) {
      for (String other : c.related()) {
        if (other.equals(c.id()) || !byId.containsKey(other)) {
          continue;
        }
        SgCase o = byId.get(other);
        links.add(INFECTOR_FIRST.compare(c, o) < 0 ? List.of(c.id(), o.id()) : List.of(o.id(), c.id()));
      }
    }
    return links;
  }

  /** The line list in the import format, in the file's own order (infectees sometimes before infectors). */
  static String lineList(List<SgCase> cases, Set<List<String>> links) {
    Map<String, List<String>> infectors = new HashMap<>();
    links.forEach(l -> infectors.computeIfAbsent(l.get(1), k -> new ArrayList<>()).add("SG" + l.get(0)));
    StringBuilder csv = new StringBuilder(
        "caseRef,name,idType,idNumber,sex,age,classification,onsetDate,diagnosedDate,jurisdictionCode,infectorRefs,cluster\n");
    for (SgCase c : cases) {
      String age = c.age() == null ? "" : String.valueOf((int) Double.parseDouble(c.age()));
      csv.append(String.join(",", c.ref(), "新加坡病例" + c.id(), "", "", c.sex(), age, "CONFIRMED",
          c.onset() == null ? "" : c.onset(), c.confirmed(), COMMUNITIES.get(c.number() % COMMUNITIES.size()),
          String.join(";", infectors.getOrDefault(c.id(), List.of())), c.cluster() == null ? "" : quote(c.cluster())))
          .append('\n');
    }
    return csv.toString();
  }

  private static String quote(String text) {
    return text.contains(",") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  /** Longest path from an index case, computed here independently of the product. */
  static Map<String, Integer> expectedGenerations(List<SgCase> cases, Set<List<String>> links) {
    Map<String, Integer> generation = new TreeMap<>();
    List<SgCase> ordered = new ArrayList<>(cases);
    ordered.sort(INFECTOR_FIRST);
    for (SgCase c : ordered) {
      int g = 1;
      for (List<String> link : links) {
        if (link.get(1).equals(c.id())) {
          g = Math.max(g, generation.get(link.get(0)) + 1);
        }
      }
      generation.put(c.id(), g);
    }
    return generation;
  }

  @Test
  void theImportedLinksAreTheFileRelationsAndGenerationsAreConsistent() throws IOException {
    List<SgCase> cases = read(SharedData.require(FILE));
    assertThat(cases).hasSize(93);
    Set<List<String>> expected = directedLinks(cases);
    byte[] file = lineList(cases, expected).getBytes(StandardCharsets.UTF_8);

    JsonNode first = api.as("cdc").upload("/api/v1/imports/cases?wait=true", "singapore.csv", file).json();
    assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("DONE");
    assertThat(first.get("rowsImported").asInt()).as(first.toString()).isEqualTo(93);
    assertThat(first.get("rowsRejected").asInt()).isZero();
    Map<String, String> caseIds = new LinkedHashMap<>();
    first.get("caseIds").properties().forEach(e -> caseIds.put(e.getKey(), e.getValue().asString()));
    assertThat(caseIds).hasSize(93);
    Map<String, String> idOfCase = caseIds.entrySet().stream()
        .collect(Collectors.toMap(e -> e.getValue(), e -> e.getKey().substring(2)));

    // the stored links, read back by case id and mapped to the file's case numbers
    Set<List<String>> stored = new HashSet<>(jdbc.sql("select infector_case_id::text, infectee_case_id::text"
            + " from transmission_link where infectee_case_id::text in (:ids) or infector_case_id::text in (:ids)")
        .param("ids", caseIds.values()).query((rs, n) -> List.of(idOfCase.get(rs.getString(1)),
            idOfCase.get(rs.getString(2)))).list());
    assertThat(stored).isEqualTo(expected);
    assertThat(expected).hasSize(65);

    // generations through the chain API: every infectee = 1 + its highest infector, index cases 1
    Map<String, Integer> expectedGenerations = expectedGenerations(cases, expected);
    Map<String, Integer> seen = new TreeMap<>();
    for (SgCase c : cases) {
      JsonNode chain = api.as("cdc").get("/api/v1/cases/" + caseIds.get(c.ref()) + "/chain").json();
      Map<String, Integer> generations = TransmissionApiTest.generations(chain);
      generations.forEach((caseId, g) -> seen.put(idOfCase.get(caseId), g));
      for (JsonNode link : chain.get("links")) {
        int infector = generations.get(link.get("infectorCaseId").asString());
        int infectee = generations.get(link.get("infecteeCaseId").asString());
        assertThat(infectee).isGreaterThan(infector);
      }
    }
    assertThat(seen).isEqualTo(expectedGenerations);
    assertThat(seen.get("1")).isEqualTo(1);
    assertThat(seen.values().stream().mapToInt(Integer::intValue).max().orElseThrow()).isGreaterThanOrEqualTo(3);

    // the file's clusters are named clusters
    JsonNode clusters = api.as("cdc").get("/api/v1/clusters").json();
    long graceAssembly = cases.stream().filter(c -> "Grace Assembly of God".equals(c.cluster())).count();
    boolean found = false;
    for (JsonNode cluster : clusters) {
      if (cluster.get("kind").asString().equals("NAMED") && cluster.get("name").asString()
          .equals("Grace Assembly of God")) {
        assertThat(cluster.get("cases").asLong()).isEqualTo(graceAssembly);
        found = true;
      }
    }
    assertThat(found).as(clusters.toString()).isTrue();

    // the same file again: every ref maps to the case of the first import, nothing is added
    long casesBefore = jdbc.sql("select count(*) from case_report").query(Long.class).single();
    long linksBefore = jdbc.sql("select count(*) from transmission_link").query(Long.class).single();
    JsonNode again = api.as("cdc").upload("/api/v1/imports/cases?wait=true", "singapore.csv", file).json();
    assertThat(again.get("rowsImported").asInt()).as(again.toString()).isEqualTo(93);
    Map<String, String> againIds = new LinkedHashMap<>();
    again.get("caseIds").properties().forEach(e -> againIds.put(e.getKey(), e.getValue().asString()));
    assertThat(againIds).isEqualTo(caseIds);
    assertThat(jdbc.sql("select count(*) from case_report").query(Long.class).single()).isEqualTo(casesBefore);
    assertThat(jdbc.sql("select count(*) from transmission_link").query(Long.class).single()).isEqualTo(linksBefore);
  }
}
