package org.epicommand.imports.internal;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * How the numbers of an XLSX sheet are written into the import's CSV: date cells as ISO-8601 (a date,
 * or a date and time when the cell has a time or its format shows hours) instead of the sheet's local
 * format — including the date formats that Chinese Excel keeps built in (ids 27–31, 36, 50–58), which
 * POI does not know as dates; whole numbers in the General format as their digits (phones), never as
 * {@code 1.38E+10}.
 */
final class SheetNumbers extends DataFormatter {

  @Override
  public String formatRawCellContents(double value, int formatIndex, String formatString) {
    if (date(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
      LocalDateTime time = DateUtil.getLocalDateTime(value);
      boolean hours = formatString != null && formatString.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"", "")
          .contains("h");
      return time.toLocalTime().equals(LocalTime.MIDNIGHT) && !hours
          ? time.toLocalDate().toString()
          : time.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }
    if (formatString == null || "General".equalsIgnoreCase(formatString)) {
      // long digit strings (phones) must not turn into 1.38E+10
      if (value == Math.rint(value) && Math.abs(value) < 1e18) {
        return Long.toString((long) value);
      }
    }
    return super.formatRawCellContents(value, formatIndex, formatString);
  }

  private static boolean date(int formatIndex, String formatString) {
    return DateUtil.isADateFormat(formatIndex, formatString) || (formatIndex >= 27 && formatIndex <= 31)
        || formatIndex == 36 || (formatIndex >= 50 && formatIndex <= 58);
  }

  /** A number as Excel shows a large one in a General cell: {@code 4.10101199003071E+17}. */
  static String scientific(double value) {
    String text = new DecimalFormat("0.##############E0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    int e = text.indexOf('E');
    return text.charAt(e + 1) == '-' ? text : text.substring(0, e + 1) + "+" + text.substring(e + 1);
  }
}
