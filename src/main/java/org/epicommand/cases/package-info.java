/**
 * Case reports (病例, docs/domain.md §4): classification with its full history and guarded moves,
 * severity, origin, discovery route, dates and the 2-hour direct-report deadline, the clinical
 * course (admission, the discharge rule, re-positive on the same case). Publishes
 * {@link org.epicommand.cases.CaseReported}, {@link org.epicommand.cases.CaseReclassified},
 * {@link org.epicommand.cases.CaseSeverityChanged} and {@link org.epicommand.cases.CaseOutcomeChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases")
package org.epicommand.cases;
