package org.epicommand.labtest.internal;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.labtest.*}: the Ct threshold below which both targets (ORF1ab and N) make a
 * positive (protocol: 35), and the rows per import batch.
 */
@ConfigurationProperties("epicommand.labtest")
public record LabtestProperties(@DefaultValue("35") BigDecimal positiveCtBelow, @DefaultValue("50000") int importBatchSize) {}
