package org.epicommand.person;

import java.util.regex.Pattern;

/**
 * Phone numbers (docs/domain.md §3): mainland mobiles {@code 1[3-9]\d{9}}, or landlines with their area code.
 * Written as people and spreadsheets write them: {@code +86 138 0013 8000}, {@code 86-13800138000},
 * {@code 138-0013-8000}, {@code (+86)13800138000} all mean {@code 13800138000}.
 */
public final class PhoneNumbers {

  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u3000]+");

  private PhoneNumbers() {}

  /**
   * The number without spaces and an optional country code (+86, 0086, 86), a mobile also without
   * hyphens; {@code null} when it is not valid.
   */
  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String phone = SPACES.matcher(raw).replaceAll("").replace('－', '-').replace('＋', '+')
        .replace('（', '(').replace('）', ')');
    if (phone.startsWith("(+86)") || phone.startsWith("(86)")) {
      phone = phone.substring(phone.indexOf(')') + 1);
    } else if (phone.startsWith("+86")) {
      phone = phone.substring(3);
    } else if (phone.startsWith("0086")) {
      phone = phone.substring(4);
    } else if (phone.startsWith("86-")) {
      phone = phone.substring(3);
    }
    if (phone.startsWith("-")) {
      phone = phone.substring(1);
    }
    String digits = phone.replace("-", "");
    if (digits.length() == 13 && digits.startsWith("86")) {
      digits = digits.substring(2);
    }
    if (MOBILE.matcher(digits).matches()) {
      return digits;
    }
    return LANDLINE.matcher(phone).matches() ? phone : null;
  }
}
