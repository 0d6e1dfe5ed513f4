package org.epicommand.support;

/**
 * The divisions of the demo city that tests work in, written once. The demo accounts sit in them:
 * {@code district} in {@link #DISTRICT} (东湖区), {@code street} in {@link #STREET}, {@code community}
 * in {@link #COMMUNITY}; {@link #OTHER_DISTRICT} (西山区) and its first community are outside all three.
 */
public final class DemoPlaces {

  /** 滨江市, the demo city. */
  public static final String CITY = "990100";
  /** 东湖区, the district of the demo district, street and community accounts. */
  public static final String DISTRICT = "990101";
  /** 西山区, a district no district-level demo account sees. */
  public static final String OTHER_DISTRICT = "990102";
  /** The first street of 东湖区, the demo street account's. */
  public static final String STREET = "990101001";
  /** The first community of that street (幸福里), the demo community worker's. */
  public static final String COMMUNITY = "990101001001";
  /** The second community of the same street: inside the street, outside the community worker's. */
  public static final String NEIGHBOUR = "990101001002";
  /** The first community of 西山区. */
  public static final String OTHER_DISTRICT_COMMUNITY = "990102001001";

  private DemoPlaces() {}
}
