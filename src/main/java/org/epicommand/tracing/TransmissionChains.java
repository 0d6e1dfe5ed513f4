package org.epicommand.tracing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.cases.CaseNode;
import org.epicommand.cases.CaseRegistry;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tracing.internal.ChainLinking;
import org.epicommand.tracing.internal.ChainStore;
import org.epicommand.tracing.internal.ClusterRules;
import org.epicommand.tracing.internal.Generations;
import org.epicommand.tracing.internal.TracingProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transmission chains: record infector → infectee links (no cycles), read the connected chain of a
 * case with generations, list chains and clusters inside the caller's jurisdiction.
 */
@Service
public class TransmissionChains {

  static final String SUBJECT = "TRANSMISSION";

  private final ChainLinking linking;
  private final ChainStore store;
  private final CaseRegistry cases;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final TracingProperties rules;

  TransmissionChains(ChainLinking linking, ChainStore store, CaseRegistry cases, CurrentUser currentUser,
      AuditTrail audit, TracingProperties rules) {
    this.linking = linking;
    this.store = store;
    this.cases = cases;
    this.currentUser = currentUser;
    this.audit = audit;
    this.rules = rules;
  }

  /** Links two cases of the caller's jurisdiction; a link that would close a cycle is a 400 on the infectee. */
  @Transactional
  public TransmissionLink link(String infectorCaseId, String infecteeCaseId, TransmissionSetting setting) {
    UserContext user = currentUser.get();
    List<FieldProblem> problems = new ArrayList<>();
    Optional<CaseNode> infector = caseField("infectorCaseId", infectorCaseId, problems);
    Optional<CaseNode> infectee = caseField("infecteeCaseId", infecteeCaseId, problems);
    if (problems.isEmpty() && infector.get().caseId().equals(infectee.get().caseId())) {
      problems.add(FieldProblem.of("infecteeCaseId", "tracing.selfLink"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    ChainLinking.Outcome outcome = linking.link(infector.get(), infectee.get(), setting, user.username());
    if (outcome instanceof ChainLinking.Duplicate duplicate) {
      throw Conflict.duplicate("tracing.duplicateLink", duplicate.existingId());
    }
    if (outcome instanceof ChainLinking.Cycle) {
      throw new ValidationFailure(FieldProblem.of("infecteeCaseId", "tracing.cycle"));
    }
    TransmissionLink link = ((ChainLinking.Linked) outcome).link();
    audit.record(AuditAction.CREATE, SUBJECT, link.id(), link.infectorCaseId() + " -> " + link.infecteeCaseId());
    return link;
  }

  private Optional<CaseNode> caseField(String field, String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(FieldProblem.of(field, "tracing.caseMissing"));
      return Optional.empty();
    }
    try {
      Optional<CaseNode> node = cases.node(UUID.fromString(value.strip()));
      if (node.isEmpty()) {
        problems.add(FieldProblem.of(field, "tracing.caseUnknown"));
      }
      return node;
    } catch (IllegalArgumentException e) {
      problems.add(FieldProblem.of(field, "tracing.caseUnknown"));
      return Optional.empty();
    }
  }

  /** The connected chain of a case in the caller's jurisdiction (404 otherwise); members and links from one snapshot.
   * */
  @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
  public TransmissionChain chain(UUID caseId) {
    UserContext user = currentUser.get();
    CaseNode node = cases.node(caseId).orElseThrow(() -> new RecordNotFound(CaseRegistry.SUBJECT));
    Optional<ChainStore.Member> member = store.member(caseId);
    if (member.isEmpty()) {
      return new TransmissionChain(null, List.of(new TransmissionChain.Node(node.caseId(), node.label(),
          node.classification(), node.onsetDate(), 1)), List.of());
    }
    UUID chainId = member.get().chainId();
    List<ChainStore.Member> members = store.members(chainId);
    List<Generations.Edge> edges = store.edges(chainId);
    Map<UUID, Integer> generations = Generations.of(members.stream().map(ChainStore.Member::caseId).toList(), edges);
    List<ChainStore.Member> visible = members.stream().filter(m -> user.scope().contains(m.jurisdictionPath()))
        .sorted(Comparator.comparing((ChainStore.Member m) -> generations.get(m.caseId()))
            .thenComparing(ChainStore.Member::clusterDate).thenComparing(ChainStore.Member::caseId))
        .toList();
    Set<UUID> shown = visible.stream().map(ChainStore.Member::caseId).collect(Collectors.toSet());
    List<TransmissionChain.Node> nodes = visible.stream().map(m -> new TransmissionChain.Node(m.caseId().toString(),
        m.label(), m.classification(), m.onsetDate(), generations.get(m.caseId()))).toList();
    List<TransmissionChain.Link> links = edges.stream()
        .filter(e -> shown.contains(e.infector()) && shown.contains(e.infectee()))
        .map(e -> new TransmissionChain.Link(e.infector().toString(), e.infectee().toString())).toList();
    return new TransmissionChain(chainId.toString(), nodes, links);
  }

  /**
   * Every link with both cases inside the caller's jurisdiction, with their onset dates, in one read
   * (at most {@code limit}, in a stable order), for the serial interval.
   */
  public List<LinkedOnsets> linkedOnsets(int limit) {
    return store.linkedOnsets(currentUser.get().scope(), limit);
  }

  /** Chains of at least two cases inside the caller's jurisdiction, largest first. */
  public PageResult<ChainSummary> chains(Paging paging) {
    UserContext user = currentUser.get();
    List<ChainSummary> rows = store.chains(user.scope(), 2, paging.offset(), paging.fetchSize());
    return paging.toResult(rows, null);
  }

  /**
   * Clusters inside the caller's jurisdiction (rules applied to the cases the caller may see):
   * linked and family clusters by {@code epicommand.tracing.*}, and named clusters from line lists.
   */
  public List<Cluster> clusters() {
    UserContext user = currentUser.get();
    List<Cluster> clusters = new ArrayList<>();
    int minimum = Math.min(rules.clusterThreshold(), rules.familyThreshold());
    Map<UUID, List<ChainStore.Member>> chainsInScope = store.membersOfChainsInScope(user.scope(), minimum).stream()
        .collect(Collectors.groupingBy(ChainStore.Member::chainId, java.util.LinkedHashMap::new, Collectors.toList()));
    Map<UUID, TransmissionSetting> settings = store.infectionSettings(chainsInScope.keySet());
    chainsInScope.values().forEach(chain -> clusters.addAll(ClusterRules.ofChain(chain, rules, settings)));
    store.namedClusterMembers(user.scope()).stream()
        .collect(Collectors.groupingBy(ChainStore.Member::clusterName, java.util.LinkedHashMap::new,
            Collectors.toList()))
        .forEach((name, members) -> clusters.add(namedCluster(name, members)));
    clusters.sort(Comparator.comparing(Cluster::lastDate).reversed().thenComparing(Cluster::kind));
    return clusters;
  }

  private static Cluster namedCluster(String name, List<ChainStore.Member> members) {
    return ClusterRules.cluster(Cluster.Kind.NAMED, name, members, null);
  }
}
