package org.epicommand.tracing;

/** What kind of place a venue code is posted at. */
public enum VenueType {
  SUPERMARKET, MARKET, RESTAURANT, SHOP, OFFICE, SCHOOL, HOSPITAL, PHARMACY, TRANSPORT, HOTEL, ENTERTAINMENT,
  RESIDENTIAL, OTHER
}
