package org.epicommand.enterprise;

import java.time.OffsetDateTime;

/** A responsible person's signature for a position the template requires (e.g. 校长). */
public record SignOff(String position, String name, OffsetDateTime signedAt, String recordedBy) {}
