package org.epicommand.vaccination;

/** Where a dose came from: recorded at a site, the doses import, a FHIR Immunization. */
public enum DoseSource { SITE, IMPORT, FHIR }
