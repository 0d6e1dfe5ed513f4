package org.epicommand.vaccination;

/** How a vaccine is made: 灭活疫苗, 腺病毒载体疫苗, 重组蛋白疫苗, mRNA 疫苗. */
public enum VaccinePlatform { INACTIVATED, ADENOVIRUS_VECTOR, RECOMBINANT_PROTEIN, MRNA }
