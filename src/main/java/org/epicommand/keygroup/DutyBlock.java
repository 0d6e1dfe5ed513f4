package org.epicommand.keygroup;

/**
 * A person blocked from duty now by a key group at an organisation (their open membership there is
 * {@code BLOCKED_FROM_DUTY}): the organisation's credit code, the person of the registry, the group and the blocking
 * days of its edition in effect.
 */
public record DutyBlock(String organisationCode, String personId, String groupCode, Integer blocksDays) {}
