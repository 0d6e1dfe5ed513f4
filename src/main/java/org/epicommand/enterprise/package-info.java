/**
 * Organisations and reopening (复工复产、复学、场所开放): each organisation's 返岗 staff ledger, cleared by
 * the quarantine orders of its staff; resumption gates as data; applications with documents, supplies,
 * checklist results and sign-offs through material review and site inspection to approval, suspension
 * and re-inspection; daily health reports (晨午检) with their completeness; the board by sector and
 * district with 复工率, 返岗率, schools opened per cohort and scenic visitors against their cap.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reopening")
package org.epicommand.enterprise;
