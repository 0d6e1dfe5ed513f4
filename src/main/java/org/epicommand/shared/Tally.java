package org.epicommand.shared;

/**
 * One figure of a home-page summary card: how many items a work list holds (at most a page of them is
 * counted: {@code more} says there are further ones) and where the list is.
 */
public record Tally(String messageKey, long count, boolean more, String href) {

  /** The items of a first page ({@code Paging.of(0, CAP)}) as a figure. */
  public static Tally of(String messageKey, PageResult<?> firstPage, String href) {
    return new Tally(messageKey, firstPage.items().size(), firstPage.hasMore(), href);
  }

  /** Items counted per page by the cards (shown as "100+" beyond). */
  public static final int CAP = 100;
}
