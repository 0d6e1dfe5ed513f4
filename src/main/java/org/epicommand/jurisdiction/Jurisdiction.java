package org.epicommand.jurisdiction;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A node of the division tree as the API shows it; {@code population} is the resident population
 * (常住人口) from the statistics, {@code null} when it has not been set.
 */
public record Jurisdiction(String code, String name, JurisdictionLevel level, String parentCode,
    @JsonIgnore String path, Long population) {

  public Jurisdiction(String code, String name, JurisdictionLevel level, String parentCode, String path) {
    this(code, name, level, parentCode, path, null);
  }

  /** A division with the code of its county-level district (区县; null for a division above that level). */
  public record InDistrict(Jurisdiction division, String districtCode) {}

  /**
   * Whether this is a villagers' committee (村民委员会), a rural community: by the national statistical division
   * codes (统计用区划代码), a village-level code's last three digits are 001–199 for residents' committees (居民委员会)
   * and 200–399 for villagers' committees; anything else (a township, a virtual community 4xx–5xx) is not rural.
   */
  @JsonIgnore
  public boolean rural() {
    if (level != JurisdictionLevel.VILLAGE || code.length() != 12 || !code.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int committee = Integer.parseInt(code.substring(9));
    return committee >= 200 && committee <= 399;
  }

  @JsonIgnore
  public JurisdictionScope scope() {
    return new JurisdictionScope(code, path);
  }
}
