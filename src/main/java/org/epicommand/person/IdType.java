package org.epicommand.person;

import java.util.Locale;

/** Identity documents (docs/domain.md §3). */
public enum IdType {
  RESIDENT_ID, PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT, FOREIGN_PERMANENT_RESIDENT, OTHER;

  /**
   * A document type as a file gives it: its name in any case, or the Chinese name offices write
   * (居民身份证, 身份证, 护照, 港澳居民来往内地通行证 …); {@code null} when it is neither.
   */
  public static IdType parse(String text) {
    if (text == null) {
      return null;
    }
    String value = text.strip();
    return switch (value) {
      case "居民身份证", "身份证", "二代身份证", "中华人民共和国居民身份证" -> RESIDENT_ID;
      case "护照", "中国护照", "外国护照" -> PASSPORT;
      case "港澳居民来往内地通行证", "港澳通行证", "回乡证", "港澳居民居住证" -> HK_MACAO_PERMIT;
      case "台湾居民来往大陆通行证", "台胞证", "台湾居民居住证" -> TAIWAN_PERMIT;
      case "外国人永久居留身份证", "外国人永久居留证" -> FOREIGN_PERMANENT_RESIDENT;
      case "其他", "其它" -> OTHER;
      default -> {
        try {
          yield valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          yield null;
        }
      }
    };
  }
}
