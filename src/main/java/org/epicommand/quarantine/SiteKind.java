package org.epicommand.quarantine;

/** What a site is: a requisitioned hotel, a purpose-built site, a dormitory or something else. */
public enum SiteKind { HOTEL, PURPOSE_BUILT, DORMITORY, OTHER }
