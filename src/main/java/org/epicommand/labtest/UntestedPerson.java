package org.epicommand.labtest;

import java.util.UUID;

/** A resident of a campaign's scope not tested in its window (不漏一人): name and community, no identifiers. */
public record UntestedPerson(UUID personId, String name, String jurisdictionCode) {}
