package org.epicommand.sentinel;

/** A catalogue product: approval number (国药准字…), name and class. */
public record DrugProduct(String approvalNumber, String product, DrugClass drugClass) {}
