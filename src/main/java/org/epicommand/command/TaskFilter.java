package org.epicommand.command;

/** Which tasks a list shows; null fields do not filter. */
public record TaskFilter(String unitCode, TaskState state, Boolean overdue) {}
