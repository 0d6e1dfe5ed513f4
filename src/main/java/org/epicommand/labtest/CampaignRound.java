package org.epicommand.labtest;

import java.time.Instant;

/** A numbered round of a campaign (第 N 轮): a time window; rounds follow each other without overlapping. */
public record CampaignRound(int number, Instant startsAt, Instant endsAt) {}
