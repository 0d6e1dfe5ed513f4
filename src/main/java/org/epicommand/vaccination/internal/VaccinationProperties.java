package org.epicommand.vaccination.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.vaccination.*}: a person not reached is visited again within {@code revisitDays}
 * (platform: 3); an adverse event is to be reported within {@code aefiReportWithin} of being recorded
 * (48 h, as the AEFI surveillance asks); a second booster is for persons of {@code secondBoosterMinAge}
 * and over (Dec 2022: 60); the rows per import batch; the largest FHIR request.
 */
@ConfigurationProperties("epicommand.vaccination")
public record VaccinationProperties(@DefaultValue("3") int revisitDays, @DefaultValue("48h") Duration aefiReportWithin,
    @DefaultValue("60") int secondBoosterMinAge, @DefaultValue("50000") int importBatchSize,
    @DefaultValue("10485760") long fhirMaxBytes) {}
