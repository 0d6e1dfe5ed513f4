package org.epicommand.vaccination;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A dose recorded at a site: the person, the dose number (1 = first), the product (code, CVX code or
 * name), the batch (lot), the date, the site and the vaccinator. A vaccinator bound to a site records at
 * their own site as themselves: site and vaccinator may then be left out.
 */
public record NewDose(UUID personId, Integer doseNumber, String productCode, String batch, LocalDate date,
    String siteCode, String vaccinatorCode) {}
