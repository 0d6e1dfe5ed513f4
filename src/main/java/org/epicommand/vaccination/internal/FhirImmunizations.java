package org.epicommand.vaccination.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.person.PersonLookup;
import org.epicommand.platform.FhirBundles;
import org.epicommand.shared.FieldProblem;
import org.epicommand.vaccination.DoseSource;
import org.epicommand.vaccination.internal.ImmunizationMapper.Issue;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * FHIR R4 Immunizations in, alone or in a Bundle ({@code transaction}: all or nothing; {@code batch} or
 * {@code collection}: the valid ones), read by {@link ImmunizationMapper} and landed by {@link
 * DoseLanding} exactly as the {@code doses} import lands its rows (same rules, statuses, rollups, 销号),
 * in one transaction per request. The same Immunization twice changes nothing (a dose without a number
 * is the one of the same product on the same day, when there is one). A patient who is not a person of
 * the caller's jurisdiction is a 400 naming the patient.
 */
@Service
public class FhirImmunizations {

  enum Fate { LANDED, UNCHANGED, REJECTED, IGNORED }

  /** What became of one resource of the request. */
  static final class Entry {
    final String at;
    final Immunization immunization;
    ImmunizationMapper.Mapped mapped;
    DoseLanding.Candidate candidate;
    Fate fate;
    Issue issue;

    Entry(String at, Immunization immunization) {
      this.at = at;
      this.immunization = immunization;
    }

    void reject(Issue issue) {
      this.fate = Fate.REJECTED;
      this.issue = issue;
    }
  }

  private static final Comparator<PersonLookup.Document> DOCUMENT_ORDER = (a, b) -> a.idType() == b.idType()
      ? a.idNumber().compareTo(b.idNumber()) : a.idType().name().compareTo(b.idType().name());

  private final DoseLanding landing;
  private final ProductStore products;
  private final VaccinationSiteStore sites;
  private final PersonLookup persons;
  private final CurrentUser currentUser;
  private final FhirAnswers answers;
  private final TransactionTemplate transactions;
  private final Clock clock;

  FhirImmunizations(DoseLanding landing, ProductStore products, VaccinationSiteStore sites, PersonLookup persons,
      CurrentUser currentUser, FhirAnswers answers, PlatformTransactionManager transactionManager, Clock clock) {
    this.landing = landing;
    this.products = products;
    this.sites = sites;
    this.persons = persons;
    this.currentUser = currentUser;
    this.answers = answers;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  public FhirAnswers.Answer unsupportedMediaType(String mediaType) {
    return answers.error(415, new Issue("not-supported", null, "fhir.mediaType", mediaType == null ? "-" : mediaType));
  }

  public FhirAnswers.Answer tooLarge(long maxBytes) {
    return answers.error(413, new Issue("too-costly", null, "fhir.tooLarge", maxBytes / 1024));
  }

  /** One Immunization: 201 landed, 200 unchanged, 400 with the issue. */
  public FhirAnswers.Answer immunization(String body, boolean xml) {
    FhirBundles.Single<Immunization> read = FhirBundles.single(body, xml, Immunization.class);
    if (read.refusal() != null) {
      return answers.error(400, issue(read.refusal()));
    }
    Entry entry = new Entry("Immunization", read.resource());
    process(List.of(entry), Map.of(), false);
    return switch (entry.fate) {
      case REJECTED -> answers.error(400, entry.issue);
      case LANDED -> answers.information(201, entry.issue);
      default -> answers.information(200, entry.issue);
    };
  }

  /** A transaction, batch or collection Bundle of Immunizations (other resources are context: Patients). */
  public FhirAnswers.Answer bundle(String body, boolean xml) {
    FhirBundles.Unpacked<Immunization> read = FhirBundles.unpack(body, xml, Immunization.class,
        "vaccination.fhir.noImmunization");
    if (read.refusal() != null) {
      return answers.error(400, issue(read.refusal()));
    }
    Map<String, IBaseResource> index = read.entries().index();
    Bundle.BundleType type = read.entries().type();
    List<Entry> entries = new ArrayList<>();
    for (FhirBundles.Slot<Immunization> slot : read.entries().slots()) {
      Entry entry = new Entry(slot.at(), slot.resource());
      if (slot.empty()) {
        entry.reject(new Issue("required", slot.entry(), "fhir.entryResource"));
      } else if (slot.resource() == null) {
        entry.fate = Fate.IGNORED;
        entry.issue = new Issue("informational", entry.at, "vaccination.fhir.ignored");
      }
      entries.add(entry);
    }
    boolean allOrNothing = read.entries().allOrNothing();
    process(entries, index, allOrNothing);
    List<Issue> rejected = entries.stream().filter(e -> e.fate == Fate.REJECTED).map(e -> e.issue).toList();
    boolean landed = entries.stream().anyMatch(e -> e.fate == Fate.LANDED);
    if (allOrNothing && !rejected.isEmpty()) {
      return answers.error(400, rejected.toArray(Issue[]::new));
    }
    if (type == Bundle.BundleType.COLLECTION) {
      boolean taken = entries.stream().anyMatch(e -> e.fate == Fate.LANDED || e.fate == Fate.UNCHANGED);
      return answers.perEntry(!taken ? 400 : landed ? 201 : 200, entries.stream()
          .filter(e -> e.fate != Fate.IGNORED).map(e -> new FhirAnswers.Said(e.fate == Fate.REJECTED, e.issue))
          .toList());
    }
    return answers.responseBundle(allOrNothing ? (landed ? 201 : 200) : 200,
        allOrNothing ? Bundle.BundleType.TRANSACTIONRESPONSE : Bundle.BundleType.BATCHRESPONSE,
        entries.stream().map(e -> new FhirAnswers.EntryResponse(status(e.fate),
            new FhirAnswers.Said(e.fate == Fate.REJECTED, e.issue))).toList());
  }

  private static String status(Fate fate) {
    return switch (fate) {
      case LANDED -> "201 Created";
      case REJECTED -> "400 Bad Request";
      default -> "200 OK";
    };
  }

  /** Maps the Immunizations, finds products, persons and sites, then lands the readable ones in one transaction. */
  private void process(List<Entry> entries, Map<String, IBaseResource> index, boolean allOrNothing) {
    List<Entry> readable = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.immunization == null || entry.fate != null) {
        continue;
      }
      ImmunizationMapper.Mapping mapping;
      try {
        mapping = ImmunizationMapper.map(entry.immunization, entry.at, r -> resolve(r, entry.immunization, index),
            clock.getZone());
      } catch (RuntimeException e) {
        mapping = ImmunizationMapper.Mapping.failed("processing", entry.at, "fhir.unparseable", FhirBundles.message(e));
      }
      if (mapping.issue() != null) {
        entry.reject(mapping.issue());
      } else {
        entry.mapped = mapping.result();
        readable.add(entry);
      }
    }
    resolve(readable);
    if (allOrNothing && entries.stream().anyMatch(e -> e.fate == Fate.REJECTED)) {
      return;
    }
    List<Entry> landing = readable.stream().filter(e -> e.fate == null).toList();
    if (landing.isEmpty()) {
      return;
    }
    transactions.executeWithoutResult(tx -> {
      this.landing.land(landing.stream().map(e -> e.candidate).toList(),
          new DoseLanding.Submission(UUID.randomUUID(), DoseSource.FHIR, currentUser.get().username()));
      for (Entry e : landing) {
        settle(e);
      }
      if (allOrNothing && landing.stream().anyMatch(e -> e.fate == Fate.REJECTED)) {
        tx.setRollbackOnly();
      }
    });
  }

  /** Products, persons (inside the caller's jurisdiction) and sites of the readable entries; their candidates. */
  private void resolve(List<Entry> readable) {
    ProductCatalog catalog = new ProductCatalog(products.all());
    Set<PersonLookup.Document> documents = new HashSet<>();
    Set<String> performers = new HashSet<>();
    readable.forEach(e -> {
      documents.add(e.mapped.document());
      performers.addAll(e.mapped.performers());
    });
    List<PersonLookup.Document> ordered = new ArrayList<>(documents);
    ordered.sort(DOCUMENT_ORDER);
    Map<PersonLookup.Document, PersonLookup.Born> found = persons.locateBorn(ordered);
    Map<String, VaccinationSiteStore.Row> named = sites.matching(performers);
    JurisdictionScope scope = currentUser.get().scope();
    for (int i = 0; i < readable.size(); i++) {
      Entry e = readable.get(i);
      ImmunizationMapper.Mapped m = e.mapped;
      ProductStore.Row product = product(catalog, m);
      PersonLookup.Born person = found.get(m.document());
      VaccinationSiteStore.Row site = m.performers().stream().map(named::get).filter(java.util.Objects::nonNull)
          .findFirst()
          .orElse(null);
      if (product == null) {
        e.reject(new Issue("not-found", e.at + ".vaccineCode", "vaccination.fhir.vaccineCode", codes(m)));
      } else if (product.retiredAt() != null) {
        e.reject(new Issue("business-rule", e.at + ".vaccineCode", "vaccination.productRetired", product.code()));
      } else if (person == null || !scope.contains(person.jurisdictionPath())) {
        e.reject(new Issue("not-found", e.at + ".patient", "vaccination.fhir.unknownPatient", m.patient()));
      } else if (site != null && site.retiredAt() != null) {
        e.reject(new Issue("business-rule", e.at + ".performer", "vaccination.siteRetired", site.code()));
      } else {
        e.candidate = new DoseLanding.Candidate(i + 1, UUID.fromString(person.id()), person.jurisdictionPath(),
            person.birthDate(), m.doseNumber(), product, m.lot(), m.date(), site == null ? null : site.code(), null);
      }
    }
  }

  private static ProductStore.Row product(ProductCatalog catalog, ImmunizationMapper.Mapped m) {
    for (Coding coding : m.codings()) {
      ProductStore.Row found = ImmunizationMapper.CVX.equals(coding.getSystem()) ? catalog.byCvx(coding.getCode())
          : catalog.resolve(coding.getCode(), m.manufacturer());
      if (found != null) {
        return found;
      }
    }
    return catalog.resolve(m.vaccineText(), m.manufacturer());
  }

  private static String codes(ImmunizationMapper.Mapped m) {
    List<String> codes = m.codings().stream().filter(Coding::hasCode).map(Coding::getCode).toList();
    return codes.isEmpty() ? String.valueOf(m.vaccineText()) : String.join(", ", codes);
  }

  /** The landing's fate of an entry as an answer. */
  private static void settle(Entry e) {
    DoseLanding.Candidate c = e.candidate;
    switch (c.fate()) {
      case LANDED -> {
        e.fate = Fate.LANDED;
        e.issue = new Issue("informational", e.at, "vaccination.fhir.landed", c.number(), e.mapped.patient());
      }
      case PRESENT -> {
        e.fate = Fate.UNCHANGED;
        e.issue = new Issue("informational", e.at, "vaccination.fhir.unchanged", e.mapped.patient());
      }
      case DIFFERS -> e.reject(new Issue("conflict", e.at + ".protocolApplied[0].doseNumber",
          "vaccination.dose.recordedDifferently", e.mapped.doseNumber()));
      case REJECTED -> {
        FieldProblem p = c.problems().get(0);
        String element = switch (p.field()) {
          case "doseNumber" -> ".protocolApplied[0].doseNumber";
          case "productCode" -> ".vaccineCode";
          default -> ".occurrence";
        };
        e.reject(new Issue("business-rule", e.at + element, p.code(), p.args().toArray()));
      }
      default -> { }
    }
  }

  /** A reference's target: resolved by the parser, contained ({@code #id}), or another resource of the Bundle. */
  private static IBaseResource resolve(Reference reference, Immunization immunization,
      Map<String, IBaseResource> index) {
    if (reference.getResource() != null) {
      return reference.getResource();
    }
    String target = reference.getReference();
    if (target == null) {
      return null;
    }
    if (target.startsWith("#")) {
      String id = target.substring(1);
      return immunization.getContained().stream().filter(c -> id.equals(c.getIdElement().getIdPart())).findFirst()
          .orElse(null);
    }
    return index.get(target);
  }

  private static Issue issue(FhirBundles.Refusal refusal) {
    return new Issue(refusal.type(), refusal.expression(), refusal.key(), refusal.args());
  }
}
