package org.epicommand.vaccination.internal;

/**
 * The three kinds of vaccination master data: vaccine products, sites (接种点) and vaccinators (接种人员).
 * Each has its table, its audit subject and its message keys under {@code error.vaccination.<kind>.}.
 */
public enum MasterKind {
  PRODUCT("vaccination_product", "VACCINE_PRODUCT", "vaccination.product"),
  SITE("vaccination_site", "VACCINATION_SITE", "vaccination.site"),
  VACCINATOR("vaccination_vaccinator", "VACCINATOR", "vaccination.vaccinator");

  final String table;
  final String subject;
  private final String messages;

  MasterKind(String table, String subject, String messages) {
    this.table = table;
    this.subject = subject;
    this.messages = messages;
  }

  /** The message key of a problem of this kind, e.g. {@code vaccination.site.duplicate}. */
  public String key(String problem) {
    return messages + "." + problem;
  }

  public String subject() {
    return subject;
  }
}
