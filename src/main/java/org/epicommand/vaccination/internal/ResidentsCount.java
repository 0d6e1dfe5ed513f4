package org.epicommand.vaccination.internal;

import org.epicommand.platform.DailyRuns;
import org.epicommand.vaccination.VaccinationCoverage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The coverage's residents counted again once a day, so that newcomers, departures and birthdays count: at night
 * ({@code epicommand.vaccination.residents-cron}, 03:15 in the city's zone) through {@link DailyRuns} (job
 * {@value VaccinationCoverage#RESIDENTS_JOB}), so a platform down at that hour, or a count that failed, counts
 * when it is back (a few minutes after start-up, otherwise within the hour) instead of a day late. Off with
 * {@code epicommand.vaccination.jobs=false}; a platform never counted also counts at start-up, as today's count
 * ({@link VaccinationCoverage#countResidentsOnce}).
 */
@Component
@ConditionalOnProperty(name = "epicommand.vaccination.jobs", havingValue = "true", matchIfMissing = true)
class ResidentsCount {

  private final VaccinationCoverage coverage;

  ResidentsCount(VaccinationCoverage coverage) {
    this.coverage = coverage;
  }

  @Scheduled(cron = "${epicommand.vaccination.residents-cron:0 15 3 * * *}", zone = "${epicommand.zone:Asia/Shanghai}")
  void nightly() {
    countIfDue();
  }

  @Scheduled(fixedDelayString = "${epicommand.daily-runs.catch-up:PT1H}", initialDelayString = "PT3M")
  void catchUp() {
    countIfDue();
  }

  /** Counts the residents unless today's count has run; whether it counted now. */
  boolean countIfDue() {
    return coverage.countResidentsOnce();
  }
}
