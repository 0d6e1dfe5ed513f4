package org.epicommand.vaccination;

/**
 * Why an item was closed (销号原因): a dose reached the goal; vaccinated elsewhere; a permanent
 * contraindication; refused; moved away; deceased.
 */
public enum ClosedReason { VACCINATED, VACCINATED_ELSEWHERE, CONTRAINDICATION, REFUSED, MOVED_AWAY, DECEASED }
