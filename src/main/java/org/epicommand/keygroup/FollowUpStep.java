package org.epicommand.keygroup;

/** A step on a follow-up: the persons traced count with the disinfection; a note with any. */
public record FollowUpStep(Integer tracedPersons, String note) {}
