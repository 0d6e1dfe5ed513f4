package org.epicommand.quarantine;

/** The zones of a site: isolation, staff service, and the hygiene passage between them. */
public enum ZoneKind { ISOLATION, STAFF_SERVICE, HYGIENE_PASSAGE }
