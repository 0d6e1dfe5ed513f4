package org.epicommand.sentinel;

/**
 * A catalogue product: approval number (国药准字…), name and class; {@code retired} once market regulation took it
 * off the catalogue (it cannot be sold then; its registrations keep it).
 */
public record DrugProduct(String approvalNumber, String product, DrugClass drugClass, boolean retired) {

  /** A product as typed into a form or an import's row (not retired). */
  public DrugProduct(String approvalNumber, String product, DrugClass drugClass) {
    this(approvalNumber, product, drugClass, false);
  }
}
