package org.epicommand.enterprise;

/** What an application asks for: resuming work, returning to the office (机关), reopening a school cohort, a venue. */
public enum ApplicationKind {
  RESUME_WORK, RETURN_TO_OFFICE, REOPEN_SCHOOL_COHORT, REOPEN_VENUE
}
