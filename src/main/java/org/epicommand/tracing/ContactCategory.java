package org.epicommand.tracing;

/** 密切接触者, 密接的密接 (a contact of a close contact), 一般接触者. */
public enum ContactCategory {
  CLOSE, SECONDARY, GENERAL
}
