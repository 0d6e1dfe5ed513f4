package org.epicommand.lockdown;

import java.time.Instant;
import java.util.UUID;

/**
 * A shift window of a sealed area's post has started, or starts within the lead time, staffed below the
 * standard: reported once per post and window, in the street's inbox.
 */
public record PostUnfilled(UUID postId, UUID areaId, String areaName, String postName, Post.Kind kind, Instant from,
    Instant to, int required, int assigned, String jurisdictionCode) {}
