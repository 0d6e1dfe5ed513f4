package org.epicommand.tipoff;

import java.time.Instant;
import java.util.UUID;

/**
 * The office matched the subject of a tip-off to a registry person: the tip-off, its topic and state at the match,
 * the person, when the tip-off came in and the address it names. A tip-off about an unregistered purchase of fever
 * drugs ({@link TipOff.Topic#FEVER_DRUG_PURCHASE}) matched this way puts the buyer on their community's verification
 * list (sentinel.md).
 */
public record TipOffSubjectMatched(UUID tipOffId, TipOff.Topic topic, TipOff.State state, UUID personId,
    Instant receivedAt, String address) {}
