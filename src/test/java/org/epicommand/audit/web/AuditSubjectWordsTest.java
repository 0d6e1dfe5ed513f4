package org.epicommand.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every kind of record on the trail has its words in both languages, and so its place in the auditor's filter.
 * The trail holds what the demo city and every test run before this one recorded.
 */
@EpiCommandTest
class AuditSubjectWordsTest {

  @Autowired
  JdbcClient jdbc;
  @Autowired
  Api api;

  @Test
  void everyKindOnTheTrailIsWordedInBothLanguages() {
    List<String> onTheTrail = jdbc.sql("select distinct subject_type from audit_event").query(String.class).list();
    assertThat(onTheTrail).contains("USER", "PERSON");
    for (Locale locale : List.of(Locale.ROOT, Locale.ENGLISH)) {
      ResourceBundle words = ResourceBundle.getBundle("messages", locale);
      assertThat(onTheTrail.stream().filter(type -> !words.containsKey(AuditPageController.SUBJECT_PREFIX + type)))
          .as("kinds on the trail without words (%s)", locale).isEmpty();
    }
    assertThat(AuditPageController.SUBJECT_TYPES).containsAll(onTheTrail);
  }

  @Test
  void theFilterOffersTheNewerKindsByTheirNames() {
    String zh = api.as("auditor").get("/audit").body();
    assertThat(zh).contains(">举报线索</option>", ">重点人群成员</option>", ">封控区</option>", ">疫苗产品</option>");
    String en = api.as("auditor").header("Accept-Language", "en").get("/audit").body();
    assertThat(en).contains(">Tip-off</option>", ">Key group member</option>", ">Sealed area</option>");
  }
}
