package org.epicommand.organisation;

/** The level of a school (学段). */
public enum SchoolLevel {
  KINDERGARTEN, PRIMARY, JUNIOR_HIGH, SENIOR_HIGH, NINE_YEAR, COMPLETE_SECONDARY, VOCATIONAL, HIGHER, OTHER
}
