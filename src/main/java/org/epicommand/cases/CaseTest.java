package org.epicommand.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A nucleic-acid test recorded on a case, with its Ct values (ORF1ab and N). */
public record CaseTest(String id, OffsetDateTime sampledAt, TestResult result, BigDecimal ctOrf1ab, BigDecimal ctN,
    boolean dischargeQualifying) {}
