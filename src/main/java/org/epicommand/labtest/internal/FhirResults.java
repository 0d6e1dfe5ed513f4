package org.epicommand.labtest.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.platform.FhirBundles;
import org.epicommand.labtest.internal.FhirObservationMapper.Issue;
import org.epicommand.labtest.internal.FhirObservationMapper.Mapping;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * FHIR R4 in: lab Observations of SARS-CoV-2 nucleic-acid tests, alone or in a
 * Bundle ({@code transaction}, {@code batch} or {@code collection}), parsed with HAPI FHIR, read by
 * {@link FhirObservationMapper} and landed by {@link ResultLanding} exactly as the {@code results}
 * import lands its rows (same checks, state change and rules), in one database transaction per
 * request, audited as an IMPORT. A transaction Bundle lands all or nothing; a batch or collection
 * lands its valid entries and reports the others. The same Observation twice changes nothing.
 */
@Service
public class FhirResults {

  /** An answer: HTTP status and the FHIR JSON body (an OperationOutcome or a response Bundle). */
  public record Answer(int status, String body) {}

  enum Fate { LANDED, UNCHANGED, REJECTED, IGNORED }

  /** What became of one resource of the request. */
  private static final class Entry {
    final String at;
    final Observation observation;
    Mapping mapping;
    Fate fate;
    Issue issue;
    String labCode;

    Entry(String at, Observation observation) {
      this.at = at;
      this.observation = observation;
    }
  }

  private final ResultLanding landing;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final FhirOutcomes outcomes;
  private final Clock clock;

  FhirResults(ResultLanding landing, JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactionManager,
      FhirOutcomes outcomes, Clock clock) {
    this.landing = landing;
    this.jdbc = jdbc;
    this.audit = audit;
    this.transactions = new TransactionTemplate(transactionManager);
    this.outcomes = outcomes;
    this.clock = clock;
  }

  /** The body's media type was neither FHIR JSON nor FHIR XML: 415 as an OperationOutcome. */
  public Answer unsupportedMediaType(String mediaType) {
    return outcomes.error(415, new Issue("not-supported", null, "fhir.mediaType", mediaType == null ? "-" : mediaType));
  }

  /** The body was larger than {@code maxBytes}: 413 as an OperationOutcome. */
  public Answer tooLarge(long maxBytes) {
    return outcomes.error(413, new Issue("too-costly", null, "fhir.tooLarge", maxBytes / 1024));
  }

  /** {@code POST /fhir/Observation}: one Observation (FHIR JSON, or FHIR XML when {@code xml}). */
  public Answer observation(String json, boolean xml) {
    FhirBundles.Single<Observation> read = FhirBundles.single(json, xml, Observation.class);
    if (read.refusal() != null) {
      return outcomes.error(400, issue(read.refusal()));
    }
    Entry entry = new Entry("Observation", read.resource());
    process(List.of(entry), Map.of(), false);
    return switch (entry.fate) {
      case REJECTED -> outcomes.error(400, entry.issue);
      case LANDED -> outcomes.information(201, entry.at, "labtest.fhir.landed", entry.mapping.result().barcode());
      default -> outcomes.information(200, entry.at, "labtest.fhir.unchanged", entry.mapping.result().barcode());
    };
  }

  /** {@code POST /fhir}: a transaction, batch or collection Bundle (FHIR JSON, or FHIR XML when {@code xml}). */
  public Answer bundle(String json, boolean xml) {
    FhirBundles.Unpacked<Observation> read = FhirBundles.unpack(json, xml, Observation.class, "fhir.noObservation");
    if (read.refusal() != null) {
      return outcomes.error(400, issue(read.refusal()));
    }
    Map<String, IBaseResource> index = read.entries().index();
    Bundle.BundleType type = read.entries().type();
    List<Entry> entries = new ArrayList<>();
    for (FhirBundles.Slot<Observation> slot : read.entries().slots()) {
      Entry entry = new Entry(slot.at(), slot.resource());
      if (slot.empty()) {
        entry.fate = Fate.REJECTED;
        entry.issue = new Issue("required", slot.entry(), "fhir.entryResource");
      } else if (slot.resource() == null) {
        entry.fate = Fate.IGNORED;
      }
      entries.add(entry);
    }
    boolean allOrNothing = read.entries().allOrNothing();
    process(entries, index, allOrNothing);
    List<Entry> rejected = entries.stream().filter(e -> e.fate == Fate.REJECTED).toList();
    boolean landed = entries.stream().anyMatch(e -> e.fate == Fate.LANDED);
    if (allOrNothing && !rejected.isEmpty()) {
      return outcomes.error(400, rejected.stream().map(e -> e.issue).toArray(Issue[]::new));
    }
    if (type == Bundle.BundleType.COLLECTION) {
      boolean anyTaken = entries.stream().anyMatch(e -> e.fate == Fate.LANDED || e.fate == Fate.UNCHANGED);
      return outcomes.perEntry(!anyTaken ? 400 : landed ? 201 : 200, entries.stream()
          .filter(e -> e.fate != Fate.IGNORED).map(this::issueOf).toList());
    }
    List<FhirOutcomes.EntryResponse> responses = entries.stream()
        .map(e -> new FhirOutcomes.EntryResponse(status(e.fate), issueOf(e))).toList();
    return outcomes.responseBundle(allOrNothing ? (landed ? 201 : 200) : 200,
        allOrNothing ? Bundle.BundleType.TRANSACTIONRESPONSE : Bundle.BundleType.BATCHRESPONSE, responses);
  }

  private static String status(Fate fate) {
    return switch (fate) {
      case LANDED -> "201 Created";
      case REJECTED -> "400 Bad Request";
      default -> "200 OK";
    };
  }

  private FhirOutcomes.Said issueOf(Entry e) {
    return switch (e.fate) {
      case REJECTED -> new FhirOutcomes.Said("error", e.issue);
      case LANDED -> new FhirOutcomes.Said("information", new Issue("informational", e.at, "labtest.fhir.landed",
          e.mapping.result().barcode()));
      case UNCHANGED -> new FhirOutcomes.Said("information", new Issue("informational", e.at, "labtest.fhir.unchanged",
          e.mapping.result().barcode()));
      case IGNORED -> new FhirOutcomes.Said("information", new Issue("informational", e.at, "labtest.fhir.ignored"));
    };
  }

  /** Maps the Observations, then lands the readable ones in one transaction; sets every entry's fate. */
  private void process(List<Entry> entries, Map<String, IBaseResource> index, boolean allOrNothing) {
    for (Entry entry : entries) {
      if (entry.observation != null && entry.fate == null) {
        try {
          entry.mapping = FhirObservationMapper.map(entry.observation, entry.at,
              r -> resolve(r, entry.observation, index), clock.getZone());
        } catch (RuntimeException e) {
          // a shape the mapper did not foresee is still the sender's error, not ours
          entry.mapping = Mapping.failed("processing", entry.at, "fhir.unparseable", FhirBundles.message(e));
        }
        if (entry.mapping.issue() != null) {
          entry.fate = Fate.REJECTED;
          entry.issue = entry.mapping.issue();
        } else if (Cells.future(entry.mapping.result().reportedAt(), clock)) {
          entry.fate = Fate.REJECTED;
          entry.issue = new Issue("business-rule", entry.at + ".issued", "labtest.futureTime");
        }
      }
    }
    if (allOrNothing && entries.stream().anyMatch(e -> e.fate == Fate.REJECTED)) {
      return;
    }
    List<Entry> readable = entries.stream().filter(e -> e.fate == null).toList();
    if (readable.isEmpty()) {
      return;
    }
    transactions.executeWithoutResult(tx -> {
      labCodes(readable);
      List<ResultLanding.Staged> staged = new ArrayList<>();
      for (int i = 0; i < readable.size(); i++) {
        FhirObservationMapper.Mapped m = readable.get(i).mapping.result();
        staged.add(new ResultLanding.Staged(i + 1, m.barcode(), m.result(), m.ctOrf1ab(), m.ctN(),
            readable.get(i).labCode, m.reportedAt()));
      }
      UUID submission = UUID.randomUUID();
      ResultLanding.Outcome outcome = landing.land(staged, submission);
      for (int i = 0; i < readable.size(); i++) {
        readable.get(i).fate = outcome.landed().contains(i + 1) ? Fate.LANDED : Fate.UNCHANGED;
      }
      for (ResultLanding.Rejection rejection : outcome.rejections()) {
        Entry entry = readable.get(rejection.line() - 1);
        entry.fate = Fate.REJECTED;
        entry.issue = landingIssue(entry, rejection);
      }
      if (allOrNothing && !outcome.rejections().isEmpty()) {
        tx.setRollbackOnly();
        return;
      }
      audit.record(AuditAction.IMPORT, "FHIR_OBSERVATION", submission.toString(), summary(readable));
    });
  }

  /** The lab code for each readable entry: the first performer name or identifier that is a lab's code or name. */
  private void labCodes(List<Entry> readable) {
    List<String> candidates = readable.stream().flatMap(e -> e.mapping.result().labs().stream()).distinct().toList();
    List<String> lower = candidates.stream().map(c -> c.toLowerCase(Locale.ROOT)).distinct().toList();
    Map<String, String> codes = new HashMap<>();
    jdbc.sql("select code, name from labtest_lab where code in (:c) or lower(name) in (:lower)").param("c", candidates)
        .param("lower", lower)
        .query(rs -> {
          codes.put(rs.getString(1), rs.getString(1));
          codes.putIfAbsent(rs.getString(2).toLowerCase(Locale.ROOT), rs.getString(1));
        });
    for (Entry entry : readable) {
      List<String> labs = entry.mapping.result().labs();
      entry.labCode = labs.stream().map(l -> codes.getOrDefault(l, codes.get(l.toLowerCase(Locale.ROOT))))
          .filter(java.util.Objects::nonNull).findFirst().orElse(labs.get(0));
    }
  }

  private static Issue landingIssue(Entry entry, ResultLanding.Rejection rejection) {
    String where = switch (rejection.field()) {
      case "tubeBarcode" -> ".specimen";
      case "labCode" -> ".performer";
      default -> ".value";
    };
    String type = switch (rejection.code()) {
      case "labtest.unknownTube", "labtest.unknownLab" -> "not-found";
      case "labtest.duplicateInFile" -> "duplicate";
      case "labtest.alreadyResulted" -> "conflict";
      case "labtest.labRetired" -> "business-rule";
      case "labtest.labNotYours" -> "forbidden";
      default -> "invalid";
    };
    String barcode = entry.mapping.result().barcode();
    return new Issue(type, entry.at + where, rejection.code(), barcode);
  }

  private static String summary(List<Entry> readable) {
    StringBuilder detail = new StringBuilder("FHIR results:");
    for (Entry entry : readable) {
      detail.append(' ').append(entry.mapping.result().barcode()).append('=').append(entry.fate);
    }
    return detail.toString();
  }

  /** A reference's target: resolved by the parser, contained ({@code #id}), or another resource of the Bundle. */
  private static IBaseResource resolve(Reference reference, Observation observation, Map<String, IBaseResource> index) {
    if (reference.getResource() != null) {
      return reference.getResource();
    }
    String target = reference.getReference();
    if (target == null) {
      return null;
    }
    if (target.startsWith("#")) {
      String id = target.substring(1);
      return observation.getContained().stream()
          .filter(c -> id.equals(c.getIdElement().getIdPart())
              || c.getId() != null && id.equals(c.getId().replace("#", "")))
          .findFirst().orElse(null);
    }
    IBaseResource found = index.get(target);
    if (found == null && reference.getReferenceElement().hasResourceType()) {
      found = index.get(reference.getReferenceElement().getResourceType() + "/"
          + reference.getReferenceElement().getIdPart());
    }
    return found;
  }

  private static Issue issue(FhirBundles.Refusal refusal) {
    return new Issue(refusal.type(), refusal.expression(), refusal.key(), refusal.args());
  }
}
