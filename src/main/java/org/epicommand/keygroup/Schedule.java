package org.epicommand.keygroup;

import java.time.LocalDate;

/**
 * One schedule edition of a key group, in effect from its date until a newer one: every {@code everyDays}
 * days, or {@code perWeek} samplings in the ISO week at least {@code minIntervalHours} apart; no negative
 * within {@code blocksDays} days (null: no such rule) blocks the member from duty.
 */
public record Schedule(int version, LocalDate effectiveFrom, Integer everyDays, Integer perWeek,
    Integer minIntervalHours, Integer blocksDays, boolean singleTubeRequired, boolean closedLoop,
    boolean vaccinationExpected, String note) {}
