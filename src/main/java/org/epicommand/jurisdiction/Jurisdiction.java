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

  @JsonIgnore
  public JurisdictionScope scope() {
    return new JurisdictionScope(code, path);
  }
}
