package org.epicommand.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.epicommand.labtest.LabtestFixtures;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The clerk's page offers a fever enquiry when a sale is refused: the fever patches the demo city suspends are
 * refused in words (the class and the division by name), the enquiry opens with what the clerk typed, and logging
 * it stores the person, the class and where they were sent; an anonymous enquiry is logged without a person; a bad
 * temperature is refused on its field with the enquiry still open and nothing stored. A refusal for another reason
 * (a bad document) offers no enquiry, and the form shows what was typed again.
 */
@EpiCommandTest
class FeverEnquiryPageTest {

  static final String PATCH = "国械注准20152640001";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aRefusedSaleIsOfferedAsAFeverEnquiryAndLogged() {
    String tag = Long.toString(System.nanoTime() % 100_000);
    String pharmacy = SentinelFixtures.pharmacy(api, "问询药房" + tag, OrganisationFixtures.COMMUNITY);
    WebSession clerk = WebSession.login(api, SentinelFixtures.clerk(api, pharmacy), SentinelFixtures.CLERK_PASSWORD);
    assertThat(clerk.get("/sentinel/purchase").body()).contains("data-testid=\"enquiry\"")
        .doesNotContain("这笔销售不能登记");

    String document = LabtestFixtures.residentId();
    Map<String, String> sale = new HashMap<>(Map.of("pharmacy", pharmacy, "idType", "RESIDENT_ID", "idNumber",
        document, "name", "发热问药" + tag, "phone", "13900139000", "approvalNumber", PATCH, "quantity", "1",
        "temperature", "38.4"));
    String refused = follow(clerk, clerk.postForm("/sentinel/purchase", sale, true)).body();
    String enquiry = refused.substring(refused.indexOf("data-testid=\"enquiry\""));
    assertThat(refused).contains("<details class=\"card card-body mb-3\" data-testid=\"enquiry\" open=\"open\"",
        "退热贴自 ", "起在滨江市暂停销售").doesNotContain("FEVER_PATCH").doesNotContain("SALES_SUSPENDED");
    assertThat(enquiry).contains("这笔销售不能登记", "value=\"" + document + "\"", "value=\"38.4\"",
        "selected=\"selected\">医用退热贴");

    String logged = follow(clerk, clerk.postForm("/sentinel/purchase/enquiry", Map.of("pharmacy", pharmacy,
        "idType", "RESIDENT_ID", "idNumber", document, "name", "发热问药" + tag, "temperature", "38.4",
        "approvalNumber", PATCH, "referredTo", "滨江市第一人民医院发热门诊"), true)).body();
    assertThat(logged).contains("已记录发热问询");
    Map<String, Object> row = jdbc.sql("""
        select p.id_number, e.drug_class, e.referred_to, e.temperature from sentinel_fever_enquiry e
        join person p on p.id = e.person_id where e.pharmacy_code = ?""").param(pharmacy).query().singleRow();
    assertThat(row).containsEntry("id_number", document).containsEntry("drug_class", "FEVER_PATCH")
        .containsEntry("referred_to", "滨江市第一人民医院发热门诊");
    assertThat(row.get("temperature").toString()).isEqualTo("38.4");

    assertThat(follow(clerk, clerk.postForm("/sentinel/purchase/enquiry", Map.of("pharmacy", pharmacy,
        "temperature", "38.9"), true)).body()).contains("已记录发热问询");
    assertThat(jdbc.sql("select count(*) from sentinel_fever_enquiry where pharmacy_code = ? and person_id is null")
        .param(pharmacy).query(Long.class).single()).isEqualTo(1);

    String bad = follow(clerk, clerk.postForm("/sentinel/purchase/enquiry", Map.of("pharmacy", pharmacy,
        "temperature", "51"), true)).body();
    assertThat(bad).contains("data-field-error=\"temperature\"", "data-testid=\"enquiry\" open=\"open\"");
    assertThat(jdbc.sql("select count(*) from sentinel_fever_enquiry where pharmacy_code = ?").param(pharmacy)
        .query(Long.class).single()).isEqualTo(2);

    // a bad document is no reason to log an enquiry: none offered
    sale.put("idNumber", "110101199003071234");
    sale.put("approvalNumber", "国药准字H44021565");
    String badDocument = follow(clerk, clerk.postForm("/sentinel/purchase", sale, true)).body();
    assertThat(badDocument).contains("data-field-error=\"idNumber\"").doesNotContain("这笔销售不能登记");
    // and the registration form shows again what the clerk typed, for the document to be corrected
    String form = badDocument.substring(badDocument.indexOf("data-testid=\"purchase-form\""),
        badDocument.indexOf("data-testid=\"enquiry\""));
    assertThat(form).contains("value=\"110101199003071234\"", "value=\"发热问药" + tag + "\"",
        "value=\"13900139000\"", "value=\"38.4\"", "selected=\"selected\">复方甘草片",
        "selected=\"selected\">居民身份证");
  }

  private static WebSession.Page follow(WebSession session, WebSession.Page redirect) {
    return session.get(redirect.location().replaceFirst("^https?://[^/]+", ""));
  }
}
