package org.epicommand.tracing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.cases.Classification;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.tracing.TransmissionChain;
import org.epicommand.tracing.TransmissionChains;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Chain and cluster pages: the chains list, a chain as an ECharts graph by generation, the clusters. */
@Controller
@RequestMapping("/tracing")
@PreAuthorize("hasAuthority('CASE_READ')")
class TracingPageController {

  /** Up to this many nodes the graph has labels and arrows and nodes can be dragged; beyond, dots only. */
  static final int DETAILED_MAX = 300;
  static final int CELL = 36;
  static final int GENERATION_GAP = 144;

  /** What the chain page's script draws. */
  record GraphNode(String id, String name, int category, int generation, String onsetDate, double x, double y,
      String url) {}

  record GraphLink(String source, String target) {}

  /** Where a generation's heading stands: above its first column. */
  record GraphHeader(int generation, double x, double y) {}

  record Graph(List<String> categories, List<GraphNode> nodes, List<GraphLink> links, boolean detailed,
      int generations, List<GraphHeader> headers) {}

  private final TransmissionChains chains;
  private final org.epicommand.tracing.CaseSequences sequences;
  private final FormMessages forms;
  private final Clock clock;

  TracingPageController(TransmissionChains chains, org.epicommand.tracing.CaseSequences sequences, FormMessages forms,
      Clock clock) {
    this.sequences = sequences;
    this.chains = chains;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping("/chains")
  String list(@RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("view", "chains");
    model.addAttribute("today", LocalDate.now(clock));
    FormMessages.pager(model, chains.chains(Paging.of(page, 20)));
    return "tracing/chains";
  }

  @GetMapping("/chains/{caseId}")
  String chain(@PathVariable UUID caseId, Model model) {
    TransmissionChain chain = chains.chain(caseId);
    model.addAttribute("caseId", caseId);
    model.addAttribute("size", chain.nodes().size());
    model.addAttribute("generations", chain.nodes().stream().mapToInt(TransmissionChain.Node::generation).max()
        .orElse(1));
    model.addAttribute("sequences", sequences.of(chain.nodes().stream()
        .map(n -> UUID.fromString(n.caseId())).toList()));
    return "tracing/chain";
  }

  /**
   * The graph of a chain with positions by generation (x = generation, y = rank inside it): every chain
   * is drawn so, generations left to right under their headings, as the page's caption says.
   */
  @GetMapping("/chains/{caseId}/graph")
  @ResponseBody
  Graph graph(@PathVariable UUID caseId) {
    TransmissionChain chain = chains.chain(caseId);
    List<String> categories = new ArrayList<>();
    for (Classification c : Classification.values()) {
      categories.add(forms.text("classification." + c));
    }
    Map<Integer, Integer> sizes = new HashMap<>();
    chain.nodes().forEach(n -> sizes.merge(n.generation(), 1, Integer::sum));
    // a generation is a block of columns at most maxRows high, so a wide generation does not make
    // one endless column; blocks follow each other left to right by generation
    int maxRows = Math.max(20, (int) Math.ceil(Math.sqrt(chain.nodes().size()) * 1.2));
    Map<Integer, Double> offsets = new HashMap<>();
    double offset = 0;
    for (int g : new java.util.TreeSet<>(sizes.keySet())) {
      offsets.put(g, offset);
      int rowsOfG = Math.min(sizes.get(g), maxRows);
      offset += Math.ceil(sizes.get(g) / (double) rowsOfG) * CELL + GENERATION_GAP;
    }
    Map<Integer, Integer> placed = new HashMap<>();
    List<GraphNode> nodes = new ArrayList<>();
    for (TransmissionChain.Node n : chain.nodes()) {
      int k = placed.merge(n.generation(), 1, Integer::sum) - 1;
      int rowsOfG = Math.min(sizes.get(n.generation()), maxRows);
      double x = offsets.get(n.generation()) + (k / rowsOfG) * (double) CELL;
      double y = (k % rowsOfG - (rowsOfG - 1) / 2.0) * CELL;
      nodes.add(new GraphNode(n.caseId(), n.label(), n.classification().ordinal(), n.generation(),
          n.onsetDate() == null ? null : n.onsetDate().toString(), x, y, "/cases/" + n.caseId()));
    }
    List<GraphLink> links = chain.links().stream()
        .map(l -> new GraphLink(l.infectorCaseId(), l.infecteeCaseId())).toList();
    int generations = chain.nodes().stream().mapToInt(TransmissionChain.Node::generation).max().orElse(1);
    double top = nodes.stream().mapToDouble(GraphNode::y).min().orElse(0) - CELL;
    List<GraphHeader> headers = offsets.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> new GraphHeader(e.getKey(), e.getValue(), top)).toList();
    return new Graph(categories, nodes, links, nodes.size() <= DETAILED_MAX, generations, headers);
  }

  @GetMapping("/clusters")
  String clusters(Model model) {
    model.addAttribute("view", "clusters");
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("clusters", chains.clusters());
    return "tracing/clusters";
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem chainNavigation() {
      return new NavigationItem(210, "/tracing/chains", "nav.chains", "CASE_READ", NavigationGroup.TRACING);
    }
  }
}
