package org.epicommand.jurisdiction;

/**
 * A division without a parent was added to the tree — on a new installation, the first divisions
 * import creates the root that everything else hangs under. Published inside the transaction that
 * stores it, so listeners act in the same transaction.
 */
public record JurisdictionRootCreated(String code) {}
