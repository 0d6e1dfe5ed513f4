package org.epicommand.enterprise;

import java.time.LocalDate;

/** A daily health report to file; a zero report (nothing abnormal) has no fever, sick absence or quarantine. */
public record NewDailyHealth(LocalDate date, Integer present, Integer fever, Integer absentSick,
    Integer underQuarantine, Integer visitors, Boolean zero) {}
