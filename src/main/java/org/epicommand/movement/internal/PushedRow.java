package org.epicommand.movement.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;
import org.epicommand.imports.CellValues;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportRow;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.person.IdType;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.person.ResidentIdNumber;

/**
 * A row of a pushed list that passed its checks, ready to be matched and staged: it needs a list, a
 * valid document (resident ID with its checksum and date, or 3–40 letters and digits) or a name with
 * a phone, texts within their lengths and a push time no later than an hour from now.
 */
final class PushedRow {

  static final int MAX_TEXT = 200;
  private static final Pattern DOCUMENT = Pattern.compile("[A-Za-z0-9]{3,40}");

  final ImportRow row;
  final String listRef;
  final IdType idType;
  final String idNumber;
  final String name;
  final String phone;
  final String reason;
  final String sourceRegion;
  final Instant pushedAt;
  String personId;
  String matchedBy = "NONE";
  Jurisdiction place;

  PushedRow(ImportRow row, String listRef, IdType idType, String idNumber, String name, String phone, String reason,
      String sourceRegion, Instant pushedAt) {
    this.row = row;
    this.listRef = listRef;
    this.idType = idType;
    this.idNumber = idNumber;
    this.name = name;
    this.phone = phone;
    this.reason = reason;
    this.sourceRegion = sourceRegion;
    this.pushedAt = pushedAt;
  }

  String docKey() {
    return idNumber != null ? idType.name() + ":" + idNumber : "NP:" + name + ":" + phone;
  }

  /** The row checks of one batch, with what they share (the clock, the last push time parsed). */
  static final class Checks {
    private final Instant now;
    private final LocalDate today;
    private final ZoneId zone;
    private String lastPushedAtText;
    private Instant lastPushedAt;

    Checks(Instant now, ZoneId zone) {
      this.now = now;
      this.today = LocalDate.ofInstant(now, zone);
      this.zone = zone;
    }

    /** The checked row, or {@code null} when it is rejected (with its reason). */
    PushedRow check(ImportRow row, ImportBatch batch) {
      Instant pushedAt;
      String text = row.get("pushedAt");
      if (text != null && text.equals(lastPushedAtText)) {
        pushedAt = lastPushedAt;
      } else {
        pushedAt = pushedAt(text);
        lastPushedAtText = text;
        lastPushedAt = pushedAt;
      }
      return check(row, batch, pushedAt);
    }

    private PushedRow check(ImportRow row, ImportBatch batch, Instant pushedAt) {
      String listRef = row.get("listRef");
      if (listRef == null || listRef.length() > 100) {
        batch.reject(row, "listRef", "movement.pushed.listRef");
        return null;
      }
      IdType idType = IdType.RESIDENT_ID;
      if (row.get("idType") != null) {
        idType = IdType.parse(row.get("idType"));
        if (idType == null) {
          batch.reject(row, "idType", "person.idType");
          return null;
        }
      }
      String idNumber = row.get("idNumber");
      if (idNumber != null) {
        if (idType == IdType.RESIDENT_ID) {
          ResidentIdNumber.Parsed parsed = ResidentIdNumber.parse(idNumber, today);
          if (parsed.problem().isPresent()) {
            batch.reject(row, "idNumber", "idNumber." + parsed.problem().get());
            return null;
          }
          idNumber = parsed.number().get().value();
        } else if (!DOCUMENT.matcher(idNumber).matches()) {
          batch.reject(row, "idNumber", "movement.pushed.documentNumber");
          return null;
        } else {
          idNumber = idNumber.toUpperCase(Locale.ROOT);
        }
      }
      String name = row.get("name");
      if (name != null && name.length() > 50) {
        batch.reject(row, "name", "movement.pushed.name");
        return null;
      }
      String phone = null;
      if (row.get("phone") != null) {
        phone = PhoneNumbers.normalize(row.get("phone"));
        if (phone == null) {
          batch.reject(row, "phone", "person.phone");
          return null;
        }
      }
      if (idNumber == null && (name == null || phone == null)) {
        batch.reject(row, "idNumber", "movement.pushed.noIdentifier");
        return null;
      }
      String reason = row.get("reason");
      String sourceRegion = row.get("sourceRegion");
      if ((reason != null && reason.length() > MAX_TEXT) || (sourceRegion != null && sourceRegion.length() > 20)) {
        batch.reject(row, reason != null && reason.length() > MAX_TEXT ? "reason" : "sourceRegion",
            "movement.pushed.tooLong");
        return null;
      }
      if (pushedAt == null || pushedAt.isAfter(now.plusSeconds(3600))) {
        batch.reject(row, "pushedAt", "movement.pushed.pushedAt");
        return null;
      }
      return new PushedRow(row, listRef, idType, idNumber, name, phone, reason, sourceRegion, pushedAt);
    }

    /** ISO with offset, or a local date-time in the city's zone ({@link CellValues#instant}). */
    private Instant pushedAt(String text) {
      return CellValues.instant(text, zone);
    }
  }
}
