package org.epicommand.enterprise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.epicommand.command.ReportStatus;

/**
 * An organisation's daily health report (晨午检日报告) for a day: present, with fever, absent sick, under
 * quarantine, visitors (venues), whether it is a zero report, and its status by the time of filing.
 */
public record DailyHealthReport(String organisationId, LocalDate day, int present, int fever, int absentSick,
    int underQuarantine, Integer visitors, boolean zero, ReportStatus status, String submittedBy,
    OffsetDateTime submittedAt) {}
