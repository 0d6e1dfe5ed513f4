package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.CampaignBoardApiTest.COMMUNITY;
import static org.epicommand.labtest.CampaignBoardApiTest.at;
import static org.epicommand.labtest.LabtestFixtures.RESULTS_HEADER;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.persons;
import static org.epicommand.labtest.LabtestFixtures.tubeRows;
import static org.epicommand.labtest.LabtestFixtures.upload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.labtest.LabtestFixtures.Member;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The latest test per person as the tubes and results imports keep it: a pool's result reaches each
 * member, a later negative after a positive wins, a late positive of an older sampling does not
 * overwrite a newer negative, a re-import changes nothing, and each stored batch publishes
 * {@link TubesResulted} with its persons.
 */
@EpiCommandTest
class LatestTestsTest extends RecordsLabtestEvents {

  @Autowired
  Api api;

  @Autowired
  LatestTests latest;

  @Test
  void latestTestFollowsTheNewestSamplingAndEveryNegative() {
    LocalDate day = LocalDate.of(2023, 1, 1).plusDays(System.nanoTime() / 1000 % 300);
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L);
    List<Member> pool = persons(api, 2, COMMUNITY);
    List<Member> late = persons(api, 1, COMMUNITY);
    UUID a = UUID.fromString(pool.get(0).personId());
    UUID b = UUID.fromString(pool.get(1).personId());
    UUID c = UUID.fromString(late.get(0).personId());
    String p1 = "LP" + tag;
    String s1 = "LS" + tag;
    String s2 = "LT" + tag;
    String s3 = "LU" + tag;
    // day 1: a and b in a pool; c in a single tube. Day 2: a again (single); c again (single).
    String tubes = TUBES_HEADER + tubeRows(p1, "POOL_5", pool, "S990101001002", at(day, "08:00"))
        + tubeRows(s1, "SINGLE", late, "S990101001001", at(day, "08:30"))
        + tubeRows(s2, "SINGLE", pool.subList(0, 1), "S990101001001", at(day.plusDays(1), "09:00"))
        + tubeRows(s3, "SINGLE", late, "S990101001001", at(day.plusDays(1), "09:30"));
    upload(api, "lab", "tubes", tubes);
    Map<UUID, LatestTest> pending = latest.of(List.of(a, b, c));
    assertThat(pending.get(a).lastSampledAt()).isEqualTo(Instant.parse(at(day.plusDays(1), "09:00")));
    assertThat(pending.get(a).lastResult()).isNull();
    assertThat(pending.get(b).lastSampledAt()).isEqualTo(Instant.parse(at(day, "08:00")));

    // the pool is positive, a's later single negative; c's newer negative lands before the older positive
    String results = RESULTS_HEADER + p1 + ",POSITIVE,,,LAB01," + at(day, "14:00") + "\n"
        + s2 + ",NEGATIVE,,,LAB01," + at(day.plusDays(1), "14:00") + "\n"
        + s3 + ",NEGATIVE,,,LAB01," + at(day.plusDays(1), "14:00") + "\n";
    upload(api, "lab", "results", results);
    upload(api, "lab", "results", RESULTS_HEADER + s1 + ",POSITIVE,,,LAB02," + at(day.plusDays(1), "15:00") + "\n");
    upload(api, "lab", "tubes", tubes);
    upload(api, "lab", "results", results);

    Map<UUID, LatestTest> now = latest.of(List.of(a, b, c, UUID.randomUUID()));
    assertThat(now).hasSize(3);
    assertThat(now.get(a).lastResult()).isEqualTo("NEGATIVE");
    assertThat(now.get(a).lastSampledAt()).isEqualTo(Instant.parse(at(day.plusDays(1), "09:00")));
    assertThat(now.get(a).lastNegativeSampledAt()).isEqualTo(Instant.parse(at(day.plusDays(1), "09:00")));
    // the pool's result reached b, its other member
    assertThat(now.get(b).lastResult()).isEqualTo("POSITIVE");
    assertThat(now.get(b).lastNegativeSampledAt()).isNull();
    assertThat(now.get(c).lastResult()).isEqualTo("NEGATIVE");
    assertThat(now.get(c).lastSampledAt()).isEqualTo(Instant.parse(at(day.plusDays(1), "09:30")));
    assertThat(now.get(c).sampledSince(Instant.parse(at(day.plusDays(1), "09:30")))).isTrue();

    List<TubesResulted> batches = published.stream().filter(TubesResulted.class::isInstance)
        .map(TubesResulted.class::cast).toList();
    assertThat(batches).hasSize(2);
    assertThat(batches.get(0).persons()).containsExactlyInAnyOrder(a, b, c);
    assertThat(batches.get(1).persons()).containsExactly(c);
  }
}
