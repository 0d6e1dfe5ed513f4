package org.epicommand.vaccination;

/** What an owner gives to create or correct a vaccination site; everything but code, name and jurisdiction is optional.
 * */
public record VaccinationSiteDetails(String code, String name, String organisation, String jurisdictionCode,
    String address, String contactPhone, Boolean mobile) {}
