package org.epicommand.tracing;

import java.time.LocalDate;
import java.util.List;
import org.epicommand.cases.Classification;

/**
 * The connected chain of a case (docs/api.md): its cases with their generation and the links between
 * them. Generation 1 = no known infector in the chain; otherwise 1 + the highest generation among
 * the case's infectors (the longest path from an index case, so every link points to a higher
 * generation). Cases outside the reader's jurisdiction are left out, with their links; the
 * generations stay those of the whole chain.
 */
public record TransmissionChain(String chainId, List<Node> nodes, List<Link> links) {

  public record Node(String caseId, String label, Classification classification, LocalDate onsetDate,
      int generation) {}

  public record Link(String infectorCaseId, String infecteeCaseId) {}
}
