package org.epicommand.keygroup;

import java.time.LocalDate;

/**
 * A schedule edition: either {@code everyDays}, or {@code perWeek} with {@code minIntervalHours} (default
 * 48); {@code effectiveFrom} default today. It supersedes the edition before from its date.
 */
public record NewSchedule(LocalDate effectiveFrom, Integer everyDays, Integer perWeek, Integer minIntervalHours,
    Integer blocksDays, Boolean singleTubeRequired, Boolean closedLoop, Boolean vaccinationExpected, String note) {}
