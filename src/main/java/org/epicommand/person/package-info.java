/**
 * The person registry every other module points to: identity documents (GB 11643 resident ID
 * validation), one person per document, households, masking of identifiers in lists and exports,
 * indexed search inside the caller's jurisdiction, the {@code persons} import, and the special-needs
 * ledger of vulnerable people ({@link org.epicommand.person.SpecialNeeds}) that treatment and lockdown share.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Persons")
package org.epicommand.person;
