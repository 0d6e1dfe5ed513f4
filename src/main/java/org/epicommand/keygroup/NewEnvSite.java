package org.epicommand.keygroup;

/** A site to register: name, kind, division, and the organisation of the directory if it is one. */
public record NewEnvSite(String name, SiteKind kind, String jurisdictionCode, String organisation) {}
