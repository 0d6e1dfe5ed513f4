package org.epicommand.person;

import java.time.LocalDate;

/** A person to register, as the API, the pages and the import receive it. */
public record NewPerson(String name, IdType idType, String idNumber, Sex sex, LocalDate birthDate, String phone,
    String address, String jurisdictionCode) {}
