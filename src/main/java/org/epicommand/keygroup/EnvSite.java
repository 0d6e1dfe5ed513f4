package org.epicommand.keygroup;

/** An environmental monitoring site (its organisation's credit code when it is one of the directory). */
public record EnvSite(String id, String name, SiteKind kind, String organisationCode, String jurisdictionCode,
    boolean retired) {}
