package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.keygroup.KeyGroupMembers;
import org.epicommand.quarantine.internal.QuarantineJobRuns;
import org.epicommand.support.Api;
import org.epicommand.support.CityTime;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Site-staff memberships kept from before they followed their persons' open posts (made stale here through the key
 * group's own facade, as the earlier code left them) are brought in line by the start-up step: the latest planned last
 * day of the open posts, none while one has none, retired when the person is on no post; one in line already is left
 * alone; one of a person who left their last post days ago is retired to that day. Each correction is audited on the
 * membership by {@code system}; a second run writes nothing and audits nothing.
 */
@EpiCommandTest
class SiteStaffAlignmentTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ApplicationContext context;
  @Autowired
  KeyGroupMembers keyGroup;
  @Autowired
  SitePosts posts;

  @Test
  void staleMembershipsFollowTheirOpenPostsOnceAndASecondRunChangesNothing() {
    LocalDate today = CityTime.today();
    String site = QuarantineFixtures.site(api, "SA" + UUID.randomUUID().toString().substring(0, 6), 101, 110);
    String url = "/api/v1/quarantine/sites/" + site;
    Api.Caller manager = api.as("site");
    UUID moved = person("调岗人员");
    UUID open = person("长期值守");
    UUID gone = person("已离岗");
    UUID inLine = person("在岗无误");
    add(manager, url, moved, "CLEANING", today.plusDays(1));
    add(manager, url, moved, "SECURITY", today.plusDays(6));
    add(manager, url, open, "MEDICAL", null);
    String left = add(manager, url, gone, "CATERING", today.plusDays(2));
    assertThat(manager.post(url + "/staff/" + left + "/leave", "{}").status()).isEqualTo(200);
    add(manager, url, inLine, "TRANSFER", today.plusDays(4));

    keyGroup.endOn(SitePosts.KEY_GROUP, Map.of(moved, today.plusDays(1)), SitePosts.SOURCE);
    Map<UUID, LocalDate> dated = new HashMap<>();
    dated.put(open, today.plusDays(3));
    keyGroup.endOn(SitePosts.KEY_GROUP, dated, SitePosts.SOURCE);
    keyGroup.join(SitePosts.KEY_GROUP, new KeyGroupMembers.Joining(gone, "已离岗", "旧隔离点", "990101",
        "隔离点餐饮", today.minusDays(3), today.plusDays(2), true, SitePosts.SOURCE)).orElseThrow();
    assertThat(openTo(moved)).as("stale: the first post's last day").isEqualTo(today.plusDays(1));
    assertThat(openTo(open)).as("stale: a day although a post has none").isEqualTo(today.plusDays(3));
    assertThat(openMemberships(gone)).as("stale: open while on no post").isOne();
    String movedId = membership(moved);
    String openId = membership(open);
    String goneId = membership(gone);
    String inLineId = membership(inLine);
    OffsetDateTime inLineWritten = updatedAt(inLineId);
    long inLineAudits = audits(inLineId);
    long before = lastAudit();

    QuarantineJobRuns.alignSiteStaffMemberships(context);
    assertThat(openTo(moved)).as("the latest planned last day of the open posts").isEqualTo(today.plusDays(6));
    assertThat(openTo(open)).as("no planned end while a post has none").isNull();
    assertThat(openMemberships(gone)).as("on no post: retired").isZero();
    assertThat(jdbc.sql("select to_date from keygroup_member where id = ?::uuid").param(goneId)
        .query(LocalDate.class).single()).isEqualTo(today);
    assertThat(openTo(inLine)).isEqualTo(today.plusDays(4));
    assertThat(updatedAt(inLineId)).as("in line: not written").isEqualTo(inLineWritten);
    assertThat(audits(inLineId)).as("in line: not audited").isEqualTo(inLineAudits);
    assertThat(corrections(movedId, before)).containsExactly("system to " + today.plusDays(6) + ": quarantine-site");
    assertThat(corrections(openId, before)).containsExactly("system to open: quarantine-site");
    assertThat(corrections(goneId, before)).containsExactly("system retired: left quarantine-site");

    List<String> ids = List.of(movedId, openId, goneId, inLineId);
    long audited = ids.stream().mapToLong(this::audits).sum();
    List<OffsetDateTime> written = ids.stream().map(this::updatedAt).toList();
    long again = lastAudit();
    assertThat(posts.alignMemberships()).as("all in line: nothing changed anywhere").isZero();
    assertThat(ids.stream().map(this::updatedAt).toList()).isEqualTo(written);
    assertThat(ids.stream().mapToLong(this::audits).sum()).isEqualTo(audited);
    assertThat(openTo(moved)).isEqualTo(today.plusDays(6));
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'KEY_GROUP_MEMBER' and id > ?")
        .param(again).query(Long.class).single()).as("no membership audited by the second run").isZero();
  }

  @Test
  void aStaleMembershipOfOneWhoLeftDaysAgoIsRetiredToTheDayTheyLeftTheirLastPost() {
    LocalDate today = CityTime.today();
    String site = QuarantineFixtures.site(api, "SB" + UUID.randomUUID().toString().substring(0, 6), 101, 110);
    String url = "/api/v1/quarantine/sites/" + site;
    Api.Caller manager = api.as("site");
    UUID gone = person("早已离岗");
    String first = add(manager, url, gone, "CLEANING", today.minusDays(20), today.minusDays(9));
    String last = add(manager, url, gone, "SECURITY", today.minusDays(20), today.minusDays(4));
    assertThat(manager.post(url + "/staff/" + first + "/leave", "{}").status()).isEqualTo(200);
    assertThat(manager.post(url + "/staff/" + last + "/leave", "{}").status()).isEqualTo(200);
    assertThat(openMemberships(gone)).as("left both posts: retired").isZero();

    String stale = keyGroup.join(SitePosts.KEY_GROUP, new KeyGroupMembers.Joining(gone, "早已离岗", "旧隔离点",
        "990101", "隔离点安保", today.minusDays(20), null, true, SitePosts.SOURCE)).orElseThrow().id();
    assertThat(openMemberships(gone)).as("stale: open, no end, while on no post").isOne();
    long before = lastAudit();

    QuarantineJobRuns.alignSiteStaffMemberships(context);
    assertThat(openMemberships(gone)).as("on no post: retired").isZero();
    assertThat(jdbc.sql("select to_date from keygroup_member where id = ?::uuid").param(stale)
        .query(LocalDate.class).single()).as("to the day the last post ended, not the day of the run")
        .isEqualTo(today.minusDays(4));
    assertThat(corrections(stale, before)).containsExactly("system retired: left quarantine-site");

    OffsetDateTime written = updatedAt(stale);
    long audited = audits(stale);
    long again = lastAudit();
    assertThat(posts.alignMemberships()).as("all in line: nothing changed anywhere").isZero();
    assertThat(updatedAt(stale)).isEqualTo(written);
    assertThat(audits(stale)).isEqualTo(audited);
    assertThat(jdbc.sql("select to_date from keygroup_member where id = ?::uuid").param(stale)
        .query(LocalDate.class).single()).isEqualTo(today.minusDays(4));
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'KEY_GROUP_MEMBER' and id > ?")
        .param(again).query(Long.class).single()).as("no membership audited by the second run").isZero();
  }

  private UUID person(String name) {
    return UUID.fromString(People.resident(name + UUID.randomUUID().toString().substring(0, 4), "990101001003")
        .id(api));
  }

  private static String add(Api.Caller manager, String url, UUID person, String post, LocalDate to) {
    return add(manager, url, person, post, null, to);
  }

  private static String add(Api.Caller manager, String url, UUID person, String post, LocalDate from,
      LocalDate to) {
    Map<String, Object> body = new HashMap<>();
    body.put("personId", person.toString());
    if (from != null) {
      body.put("loopFrom", from.toString());
    }
    body.put("post", post);
    body.put("shift", "DAY");
    body.put("loopTo", to == null ? null : to.toString());
    Api.Answer added = manager.post(url + "/staff", body);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return added.json().get("id").asString();
  }

  /** The person's site-staff membership: the open one, else the latest. */
  private String membership(UUID person) {
    return jdbc.sql("select id::text from keygroup_member where person_id = ? and source_key = 'quarantine-site'"
        + " order by retired_at is null desc, created_at desc limit 1").param(person).query(String.class).single();
  }

  private LocalDate openTo(UUID person) {
    return jdbc.sql("select to_date from keygroup_member where person_id = ? and source_key = 'quarantine-site'"
        + " and retired_at is null").param(person).query(LocalDate.class).optional().orElse(null);
  }

  private long openMemberships(UUID person) {
    return jdbc.sql("select count(*) from keygroup_member where person_id = ? and group_code = ? and retired_at is"
        + " null").params(person, SitePosts.KEY_GROUP).query(Long.class).single();
  }

  private OffsetDateTime updatedAt(String membership) {
    return jdbc.sql("select updated_at from keygroup_member where id = ?::uuid").param(membership)
        .query(OffsetDateTime.class).single();
  }

  private long audits(String membership) {
    return jdbc.sql("select count(*) from audit_event where subject_type = 'KEY_GROUP_MEMBER' and subject_id = ?")
        .param(membership).query(Long.class).single();
  }

  private long lastAudit() {
    return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
  }

  /** The membership's audited changes after {@code mark}: by whom, what. */
  private List<String> corrections(String membership, long mark) {
    return jdbc.sql("select username || ' ' || detail from audit_event where subject_type = 'KEY_GROUP_MEMBER' and"
        + " subject_id = ? and id > ? order by id").params(membership, mark).query(String.class).list();
  }
}
