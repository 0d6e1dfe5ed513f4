package org.epicommand.labtest;

import java.util.List;
import java.util.UUID;

/** A tube as {@code GET /api/v1/tubes/{barcode}} shows it: only the members inside the caller's jurisdiction. */
public record TubeView(String barcode, TubeKind kind, TubeState state, String result, List<Member> members) {

  public record Member(UUID personId, RetestState retestState) {}
}
