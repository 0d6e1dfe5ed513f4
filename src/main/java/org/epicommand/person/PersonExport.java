package org.epicommand.person;

import java.io.OutputStream;

/** A prepared export: checked and audited, written when streamed. */
@FunctionalInterface
public interface PersonExport {

  void writeTo(OutputStream out);
}
