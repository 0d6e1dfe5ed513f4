/**
 * The person registry every other module points to: identity documents (GB 11643 resident ID
 * validation), one person per document, households, masking of identifiers in lists and exports,
 * indexed search inside the caller's jurisdiction, and the {@code persons} import.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Persons")
package org.epicommand.person;
