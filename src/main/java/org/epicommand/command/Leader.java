package org.epicommand.command;

import java.util.UUID;

/** A member of the leadership group: {@code position} LEADER (组长) or DEPUTY (副组长). */
public record Leader(UUID id, String name, String position, String title) {}
