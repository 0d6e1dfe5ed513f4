package org.epicommand.vaccination;

/** What an owner gives to create or correct a vaccinator; phone, certificate and account are optional. */
public record VaccinatorDetails(String code, String name, String siteCode, String username, String phone,
    String certificate) {}
