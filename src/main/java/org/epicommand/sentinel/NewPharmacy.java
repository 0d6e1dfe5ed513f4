package org.epicommand.sentinel;

/** A pharmacy to register: the organisation (id or credit code, of kind PHARMACY), licence number (药品经营许可证), chain. */
public record NewPharmacy(String organisation, String licenceNumber, String chain) {}
