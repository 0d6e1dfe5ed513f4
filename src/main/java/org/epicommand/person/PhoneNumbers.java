package org.epicommand.person;

import java.util.regex.Pattern;

/** Phone numbers (DOMAIN.md §3): mainland mobiles {@code 1[3-9]\d{9}}, or landlines with their area code. */
public final class PhoneNumbers {

  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");

  private PhoneNumbers() {}

  /** The number without spaces and an optional +86 prefix, or {@code null} when it is not valid. */
  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String phone = raw.replace(" ", "").replace("\u00a0", "");
    if (phone.startsWith("+86")) {
      phone = phone.substring(3);
    } else if (phone.startsWith("0086")) {
      phone = phone.substring(4);
    }
    return MOBILE.matcher(phone).matches() || LANDLINE.matcher(phone).matches() ? phone : null;
  }
}
