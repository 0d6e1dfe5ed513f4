package org.epicommand.jurisdiction;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A node of the division tree as the API shows it. */
public record Jurisdiction(String code, String name, JurisdictionLevel level, String parentCode,
    @JsonIgnore String path) {

  @JsonIgnore
  public JurisdictionScope scope() {
    return new JurisdictionScope(code, path);
  }
}
