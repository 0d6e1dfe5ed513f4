package org.epicommand.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A version of the screening questionnaire: the items it asks, in order, the date "arrived since"
 * refers to, and whether a newer version superseded it. A visit keeps the version it answered, so an
 * old visit stays readable with the questions it was asked.
 */
public record Questionnaire(int version, List<Item> items, LocalDate arrivedSince, String note, Instant publishedAt,
    String publishedBy, Instant supersededAt) {

  /** What a questionnaire can ask. */
  public enum Item {
    TEMPERATURE, SYMPTOMS, RISK_AREA_TRAVEL, CASE_CONTACT, ARRIVED_SINCE, VULNERABLE_MEMBER, LEAFLET
  }

  /** Whether this version asks {@code item}. */
  public boolean asks(Item item) {
    return items.contains(item);
  }

  /** A version to publish: it supersedes the version in force. */
  public record New(List<Item> items, LocalDate arrivedSince, String note) {}
}
