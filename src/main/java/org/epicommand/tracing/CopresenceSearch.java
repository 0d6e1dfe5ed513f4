package org.epicommand.tracing;

/**
 * What a co-presence search did: the candidates it proposed now, and how many the investigation has
 * in all (earlier ones and decided ones included). The candidates themselves, with their names, are
 * read from the investigation's candidate list.
 */
public record CopresenceSearch(int proposed, int candidates) {}
