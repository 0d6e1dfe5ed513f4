package org.epicommand.tipoff;

import java.util.UUID;

/**
 * A tip-off whose subject the office had matched to a registry person was turned down: at triage (unfounded, a
 * duplicate) or by the community's verification (unfounded). The tip-off, its topic, the state it ended in and the
 * person matched. Whatever was opened on the person for it (a verification item of a fever-drug purchase,
 * sentinel.md) has no ground any more.
 */
public record TipOffTurnedDown(UUID tipOffId, TipOff.Topic topic, TipOff.State state, UUID personId) {}
