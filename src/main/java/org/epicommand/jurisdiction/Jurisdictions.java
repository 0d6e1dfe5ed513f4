package org.epicommand.jurisdiction;

import java.util.List;
import java.util.Optional;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.internal.JurisdictionRepository;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The division tree: look up nodes, their children and their scope. */
@Service
public class Jurisdictions {

  /** More than any city holds; a larger figure is a typing error. */
  static final long MAX_POPULATION = 100_000_000L;

  private final JurisdictionRepository repository;
  private final ApplicationEventPublisher events;
  private final AuditTrail audit;

  Jurisdictions(JurisdictionRepository repository, ApplicationEventPublisher events, AuditTrail audit) {
    this.repository = repository;
    this.events = events;
    this.audit = audit;
  }

  /** By division code (as in the code files) or by its 12-digit form. */
  public Optional<Jurisdiction> find(String code) {
    return repository.find(code);
  }

  /**
   * For a batch (an import's): the divisions of these codes, each under the code as given ({@link #find}'s
   * forms), with their county-level districts, in one query; an unknown code is left out.
   */
  public java.util.Map<String, Jurisdiction.InDistrict> findInDistricts(java.util.Collection<String> codes) {
    return repository.findInDistricts(codes);
  }

  public List<Jurisdiction> children(String parentCode) {
    return repository.children(parentCode);
  }

  public List<Jurisdiction> roots() {
    return repository.roots();
  }

  /** The chain from the root down to the node itself. */
  public List<Jurisdiction> ancestry(String code) {
    return repository.ancestry(code);
  }

  /**
   * A part of {@code scope}: the subtree of {@code code}, or the whole scope when no code is given.
   * A code that is unknown or outside the scope answers 404, as if it did not exist.
   */
  public JurisdictionScope narrow(JurisdictionScope scope, String code) {
    if (code == null || code.isBlank()) {
      return scope;
    }
    return find(code.strip()).filter(j -> scope.contains(j.path())).map(Jurisdiction::scope)
        .orElseThrow(() -> new RecordNotFound("jurisdiction"));
  }

  /**
   * Divisions whose name contains {@code text} (at least one character), inside {@code under} when
   * given, on {@code level} when given; at most {@code limit} (≤ 50), shortest names first.
   */
  public List<DivisionMatch> search(String text, String under, JurisdictionLevel level, int limit) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    JurisdictionScope scope = under == null || under.isBlank() ? null
        : find(under.strip()).map(Jurisdiction::scope).orElseThrow(() -> new RecordNotFound("jurisdiction"));
    return repository.search(text.strip(), scope, level, Math.max(1, Math.min(limit, 50)));
  }

  /** The descendants of a scope on one level, e.g. all communities of a district. */
  public List<Jurisdiction> descendantsAt(JurisdictionScope scope, JurisdictionLevel level) {
    return repository.descendantsAt(scope, level);
  }

  /** Creates or renames a node under an existing parent (or as a root). */
  @Transactional
  public Jurisdiction save(String code, String code12, String name, JurisdictionLevel level, String parentCode) {
    return save(code, code12, name, level, parentCode, null);
  }

  /** As {@link #save(String, String, String, JurisdictionLevel, String)}, with the resident population. */
  @Transactional
  public Jurisdiction save(String code, String code12, String name, JurisdictionLevel level, String parentCode,
      Long population) {
    boolean added = parentCode == null && repository.find(code).isEmpty();
    Jurisdiction saved = repository.save(code, code12, name, level, parentCode, population, null, 0);
    if (added) {
      events.publishEvent(new JurisdictionRootCreated(saved.code()));
    }
    return saved;
  }

  /**
   * Sets a division's resident population (常住人口, from the statistics), or clears it with
   * {@code null}; per-capita standards are measured against it.
   */
  @Transactional
  public Jurisdiction setPopulation(String code, Long population) {
    Jurisdiction node = find(code).orElseThrow(() -> new RecordNotFound("jurisdiction"));
    if (population != null && (population < 0 || population > MAX_POPULATION)) {
      throw new ValidationFailure(FieldProblem.of("population", "jurisdiction.population", MAX_POPULATION));
    }
    repository.setPopulation(node.code(), population);
    audit.record(AuditAction.UPDATE, "JURISDICTION", node.code(), "population " + node.population() + " → "
        + population);
    return find(node.code()).orElseThrow();
  }

  /** Whether the tree holds no division yet (a new installation). */
  public boolean isEmpty() {
    return repository.isEmpty();
  }

  /**
   * Removes a division with nothing under it — the placeholder root that earlier versions created on
   * an empty installation. Answers whether it was removed.
   */
  @Transactional
  public boolean removeLeaf(String code) {
    boolean removed = repository.deleteLeaf(code);
    if (removed) {
      audit.record(AuditAction.DELETE, "JURISDICTION", code, "empty division removed");
    }
    return removed;
  }
}
