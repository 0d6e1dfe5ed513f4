package org.epicommand.shared;

/**
 * One thing a city needs set up: {@code area} and {@code item} are message keys (the capability and
 * what it needs), {@code count} how many there are, {@code ready} whether it is enough, {@code
 * consequence} the message key of what does not work until it is, {@code fixPath} the page that sets
 * it up and {@code authority} what that page needs (the setup page names who holds it to a viewer who
 * does not; {@code null}: whoever may open the setup page). {@code order} sorts the setup page (the
 * order a city would do it in).
 */
public record SetupItem(int order, String area, String item, long count, boolean ready, String consequence,
    String fixPath, String authority) {

  /** An item the setup page's own viewers set up. */
  public SetupItem(int order, String area, String item, long count, boolean ready, String consequence,
      String fixPath) {
    this(order, area, item, count, ready, consequence, fixPath, null);
  }
}
