package org.epicommand.quarantine.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.epicommand.quarantine.AlertKind;
import org.springframework.context.MessageSource;

/**
 * An alert as people read it: its kind and detail in words ("发热（37.6 °C）", "出现症状（咳嗽、乏力）",
 * "漏报健康监测（2022-11-11 上午）"), for the pages, the work lists and the inbox notices. The detail
 * keeps what the raising code stored (a temperature, the symptoms' codes, a day and half-day); the
 * codes in it are put into words here.
 */
public final class AlertWording {

  private final MessageSource messages;
  private final Locale locale;

  public AlertWording(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  /** The kind in words, with the detail in brackets when there is one. */
  public String describe(AlertKind kind, String detail) {
    String words = detail(kind, detail);
    String name = text("qp.alertKind." + kind);
    return words == null || words.isBlank() ? name : text("qp.alert.described", name, words);
  }

  /** The detail in words; null for none. */
  public String detail(AlertKind kind, String detail) {
    if (detail == null || detail.isBlank()) {
      return null;
    }
    return switch (kind) {
      case SYMPTOMS -> Arrays.stream(detail.replace("[", "").replace("]", "").split(",\\s*"))
          .filter(s -> !s.isBlank()).map(s -> text("qp.symptom." + s.strip())).collect(Collectors.joining("、"));
      case MISSED_CHECK -> {
        // date/AM or date/PM (the half-day without a check)
        int slash = detail.indexOf('/');
        yield slash < 0 ? detail : detail.substring(0, slash) + " " + text("qp.halfDay." + detail.substring(slash + 1));
      }
      default -> detail;
    };
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
