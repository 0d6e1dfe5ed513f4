package org.epicommand.labtest.internal;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.labtest.*}: the Ct threshold below which both targets (ORF1ab and N) make a
 * positive (protocol: 35), the rows per import batch, and the turnaround (p90 sampling → result) above
 * which a lab is flagged slow on the campaign board (12 h, 2021 rural plan), and the time a readiness drill's
 * sampling sites have to report open (6 h: the guide's 4–6 h to set up sites).
 */
@ConfigurationProperties("epicommand.labtest")
public record LabtestProperties(@DefaultValue("35") BigDecimal positiveCtBelow,
    @DefaultValue("50000") int importBatchSize,
    @DefaultValue("PT12H") java.time.Duration turnaroundAlert,
    @DefaultValue("PT6H") java.time.Duration drillTarget) {}
