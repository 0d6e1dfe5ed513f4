package org.epicommand.keygroup;

import java.util.List;

/** A key group with its schedule editions, newest first ({@code current}: the one in effect today). */
public record KeyGroup(String code, String name, Schedule current, List<Schedule> schedules) {}
