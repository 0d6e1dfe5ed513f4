package org.epicommand.quality.fuzz;

import org.epicommand.support.Api;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The running application as the fuzz kinds see it: the HTTP client to upload with and the database
 * to read stored rows back from. {@link ImportFuzzTest} is an {@code @EpiCommandTest}, so this is the
 * very application (and the one embedded PostgreSQL) every other such test class of the JVM uses.
 */
record FuzzApplication(Api api, JdbcClient jdbc) {}
