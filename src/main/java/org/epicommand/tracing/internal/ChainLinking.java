package org.epicommand.tracing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.epicommand.cases.CaseNode;
import org.epicommand.tracing.TransmissionLink;
import org.epicommand.tracing.TransmissionSetting;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds infector → infectee links and keeps the chain ids: a link between two chains merges the
 * smaller into the larger (relabelling the smaller one only); a link inside one chain is refused
 * when the infector is reachable from the infectee (it would close a cycle). Outcomes are values,
 * not exceptions, so that the line-list import can report them row by row.
 */
@Service
public class ChainLinking {

  /** What became of a requested link. */
  public sealed interface Outcome {}

  public record Linked(TransmissionLink link) implements Outcome {}

  public record Duplicate(String existingId) implements Outcome {}

  public record Cycle() implements Outcome {}

  private final ChainStore store;
  private final Clock clock;

  ChainLinking(ChainStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Transactional
  public Outcome link(CaseNode infector, CaseNode infectee, TransmissionSetting setting, String username) {
    store.lockChains();
    ChainStore.Member from = store.upsert(infector);
    ChainStore.Member to = store.upsert(infectee);
    var existing = store.link(from.caseId(), to.caseId());
    if (existing.isPresent()) {
      return new Duplicate(existing.get().toString());
    }
    UUID chain;
    if (from.chainId().equals(to.chainId())) {
      if (Generations.reaches(to.caseId(), from.caseId(), store.edges(from.chainId()))) {
        return new Cycle();
      }
      chain = from.chainId();
    } else {
      boolean fromLarger = store.size(from.chainId()) >= store.size(to.chainId());
      chain = fromLarger ? from.chainId() : to.chainId();
      store.merge(fromLarger ? to.chainId() : from.chainId(), chain);
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    store.insertLink(id, chain, from.caseId(), to.caseId(), setting, now, username);
    return new Linked(new TransmissionLink(id.toString(), from.caseId().toString(), to.caseId().toString(), setting,
        chain.toString(), now.atOffset(ZoneOffset.UTC)));
  }
}
