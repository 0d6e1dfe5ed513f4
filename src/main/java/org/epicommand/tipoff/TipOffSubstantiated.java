package org.epicommand.tipoff;

import java.util.UUID;

/** A tip-off the community's verification substantiated: its topic and the community of the place. */
public record TipOffSubstantiated(UUID tipOffId, TipOff.Topic topic, String jurisdictionCode) {}
