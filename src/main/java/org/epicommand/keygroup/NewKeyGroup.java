package org.epicommand.keygroup;

/** A new key group: its code and name and its first schedule edition. */
public record NewKeyGroup(String code, String name, NewSchedule schedule) {}
