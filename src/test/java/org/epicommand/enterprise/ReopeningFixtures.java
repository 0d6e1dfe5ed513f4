package org.epicommand.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;

/** Organisations ready to apply, with their contact, staff and material: the steps every reopening test takes. */
public final class ReopeningFixtures {

  private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000L));
  /** The smallest PDF a sniffer takes for one. */
  public static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(
      StandardCharsets.US_ASCII);

  private ReopeningFixtures() {}

  /** An organisation with its bound contact. */
  public record Org(String id, String creditCode, String contact, Api.Caller asContact) {}

  public static Org organisation(Api api, String name, String kind, List<String> cohorts) {
    Api.Answer created = OrganisationFixtures.register(api, name, kind, OrganisationFixtures.COMMUNITY, cohorts);
    String id = created.json().get("id").asString();
    String contact = OrganisationFixtures.contact(api, id);
    return new Org(id, created.json().get("creditCode").asString(), contact,
        api.as(contact, OrganisationFixtures.CONTACT_PASSWORD));
  }

  /** A passport number no other test uses. */
  public static String passport() {
    return String.format("RO%08d", NEXT.incrementAndGet());
  }

  /** Puts a staff member on the ledger (passport holder, on duty unless said); their id. */
  public static String staff(Org org, String name, String passport, boolean onDuty) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("idType", "PASSPORT");
    body.put("idNumber", passport);
    body.put("post", "车间");
    body.put("onDuty", onDuty);
    Api.Answer added = org.asContact().post("/api/v1/organisations/" + org.id() + "/staff", body);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return added.json().get("id").asString();
  }

  public static Map<String, Object> application(String kind, String cohort, LocalDate planned, int masks) {
    Map<String, Object> body = new HashMap<>();
    body.put("kind", kind);
    body.put("cohort", cohort);
    body.put("plannedDate", planned.toString());
    body.put("supplies", Map.of("masks", masks, "thermometers", 2, "disinfectantLitres", 5, "isolationRoom", true));
    return body;
  }

  /** Files a draft as the contact; its id. */
  public static String draft(Org org, String kind, String cohort, LocalDate planned, int masks) {
    Api.Answer created = org.asContact().post("/api/v1/resumption/applications",
        application(kind, cohort, planned, masks));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  /** Uploads the three documents an approval needs. */
  public static void documents(Org org, String applicationId) {
    for (String kind : List.of("APPLICATION", "COMMITMENT", "PREVENTION_PLAN")) {
      Api.Answer uploaded = org.asContact().upload("/api/v1/resumption/applications/" + applicationId
          + "/documents?kind=" + kind, kind + ".pdf", PDF);
      assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    }
  }

  /** Signs for positions. */
  public static Api.Answer sign(Api.Caller caller, String applicationId, String... positions) {
    List<Map<String, String>> signOffs = java.util.Arrays.stream(positions)
        .map(p -> Map.of("position", p, "name", "签字人" + p.length())).toList();
    return caller.post("/api/v1/resumption/applications/" + applicationId + "/sign-offs", Map.of("signOffs", signOffs));
  }

  /** Moves an application as the user; the answer. */
  public static Api.Answer step(Api api, String user, String applicationId, String step, Map<String, ?> body) {
    return api.as(user).post("/api/v1/resumption/applications/" + applicationId + "/" + step, body == null ? "{}"
        : body);
  }

  /** Records every item of the application's template as given, as the user. */
  public static void checkAll(Api api, String user, String applicationId, String outcome) {
    var application = api.as(user).get("/api/v1/resumption/applications/" + applicationId).json();
    String code = application.get("templateCode").asString();
    var template = api.as(user).get("/api/v1/checklist-templates/" + code).json();
    for (var item : template.get("items")) {
      Api.Answer recorded = api.as(user).put("/api/v1/resumption/applications/" + applicationId + "/checklist/"
          + item.get("code").asString(), Map.of("outcome", outcome));
      assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    }
  }
}
