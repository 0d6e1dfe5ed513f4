/**
 * Vaccination (疫苗接种, docs/domain.md §9): vaccine products, vaccination sites and vaccinators as master
 * data; doses with their rules (sequence, intervals, approved ages) from sites, the {@code doses}
 * import and FHIR R4 Immunization; each person's status and the coverage by community and age band
 * against targets kept as data; the door-to-door target lists of grid workers (逐人动员、逐人销号) with
 * exclusions; adverse events following immunization. Publishes {@link org.epicommand.vaccination.DosesRecorded}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vaccination")
package org.epicommand.vaccination;
