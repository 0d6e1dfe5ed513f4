package org.epicommand.person;

public enum Sex {
  MALE, FEMALE, UNKNOWN
}
