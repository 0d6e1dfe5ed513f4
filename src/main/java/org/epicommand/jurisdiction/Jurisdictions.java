package org.epicommand.jurisdiction;

import java.util.List;
import java.util.Optional;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.jurisdiction.internal.JurisdictionRepository;
import org.springframework.stereotype.Service;

/** The division tree: look up nodes, their children and their scope. */
@Service
public class Jurisdictions {

  private final JurisdictionRepository repository;

  Jurisdictions(JurisdictionRepository repository) {
    this.repository = repository;
  }

  /** By division code (as in the code files) or by its 12-digit form. */
  public Optional<Jurisdiction> find(String code) {
    return repository.find(code);
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

  /** The descendants of a scope on one level, e.g. all communities of a district. */
  public List<Jurisdiction> descendantsAt(JurisdictionScope scope, JurisdictionLevel level) {
    return repository.descendantsAt(scope, level);
  }

  /** A division to pick in a form: its code and its names below the picker's own division ("东湖区 / 东湖街道"). */
  public record Choice(String code, String label) {}

  /**
   * The divisions of a scope to pick by name — the scope's own and those below it down to the
   * communities, in tree order; empty when there are more than {@code max} (a form then asks for a code).
   */
  public List<Choice> choices(JurisdictionScope scope, int max) {
    List<Jurisdiction> nodes = repository.within(scope, max + 1);
    if (nodes.size() > max) {
      return List.of();
    }
    java.util.Map<String, String> labels = new java.util.HashMap<>();
    List<Choice> choices = new java.util.ArrayList<>(nodes.size());
    for (Jurisdiction node : nodes) {
      String parent = scope.code().equals(node.parentCode()) ? null : labels.get(node.parentCode());
      String label = parent == null ? node.name() : parent + " / " + node.name();
      labels.put(node.code(), label);
      choices.add(new Choice(node.code(), label));
    }
    return choices;
  }

  /** Creates or renames a node under an existing parent (or as a root). */
  public Jurisdiction save(String code, String code12, String name, JurisdictionLevel level, String parentCode) {
    return repository.save(code, code12, name, level, parentCode, null, 0);
  }
}
