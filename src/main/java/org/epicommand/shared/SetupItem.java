package org.epicommand.shared;

/**
 * One thing a city needs set up: {@code area} and {@code item} are message keys (the capability and
 * what it needs), {@code count} how many there are, {@code ready} whether it is enough, {@code
 * consequence} the message key of what does not work until it is, {@code fixPath} the page that sets
 * it up, {@code fixAuthority} what that page needs ({@code null}: the administrator's own pages) — the
 * setup page links there only for those who hold it and names the work area otherwise. {@code order}
 * sorts the setup page (the order a city would do it in).
 */
public record SetupItem(int order, String area, String item, long count, boolean ready, String consequence,
    String fixPath, String fixAuthority) {

  /** An item the administrator sets up on their own pages. */
  public SetupItem(int order, String area, String item, long count, boolean ready, String consequence,
      String fixPath) {
    this(order, area, item, count, ready, consequence, fixPath, null);
  }
}
