/**
 * The division tree (city → district → street → community → grid) with a materialised path per
 * node, the one scope mechanism that limits personal records to a jurisdiction's subtree, and the
 * import of national division-code files.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jurisdictions")
package org.epicommand.jurisdiction;
