package org.epicommand.tipoff;

/**
 * A concealment case's state: {@code OPEN} (found, not referred yet) → {@code REFERRED} (to public security, the CDC,
 * market regulation or health supervision, with the evidence) → {@code DECIDED} (the authority's decision recorded)
 * → {@code CLOSED}. An open case may be closed without referral, with the reason.
 */
public enum ConcealmentState { OPEN, REFERRED, DECIDED, CLOSED }
