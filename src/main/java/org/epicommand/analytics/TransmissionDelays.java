package org.epicommand.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.analytics.internal.DelayStatistics;
import org.epicommand.cases.CaseRegistry;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.tracing.Contact;
import org.epicommand.tracing.Contacts;
import org.epicommand.tracing.TransmissionChains;
import org.springframework.stereotype.Service;

/**
 * The empirical serial interval and incubation period (docs/domain.md §16) from the linked cases the
 * caller may see. Serial interval: infectee onset − infector onset over every infector → infectee
 * link of the transmission chains where both onsets are known. Incubation period: infectee onset −
 * last exposure, where the infectee was named as a contact of the infector with a last exposure date.
 * Read through the tracing and cases facades: the links in one read (at most {@link #MAX_LINKS}), at most
 * {@link #MAX_CONTACTS} contacts ({@code truncated} says when more exist).
 */
@Service
public class TransmissionDelays {

  public static final int MAX_LINKS = 200_000;
  public static final int MAX_CONTACTS = 20_000;

  /** The fitted gamma (method of moments) with its 2.5, 50 and 97.5 % quantiles. */
  public record GammaFit(double shape, double scale, double q025, double median, double q975) {}

  /**
   * A delay summary: {@code n} pairs; mean, sd, median and quantiles (2.5, 25, 50, 75, 97.5 %, R
   * type 7) null when n is 0 (sd also when n is 1); {@code histogram[k]} = pairs with delay
   * {@code histogramStart + k} days.
   */
  public record DelaySummary(String kind, int n, Double mean, Double sd, Double median, Map<String, Double> quantiles,
      Integer min, Integer max, int negatives, GammaFit gamma, List<Integer> histogram, Integer histogramStart,
      int links, int linksWithoutDates, boolean truncated) {}

  private record Pair(String infector, String infectee, LocalDate infectorOnset, LocalDate infecteeOnset) {}

  private record Links(List<Pair> pairs, boolean truncated) {}

  private final TransmissionChains chains;
  private final Contacts contacts;
  private final CaseRegistry cases;

  TransmissionDelays(TransmissionChains chains, Contacts contacts, CaseRegistry cases) {
    this.chains = chains;
    this.contacts = contacts;
    this.cases = cases;
  }

  /** Infector onset → infectee onset over the links of the chains in the caller's jurisdiction. */
  public DelaySummary serialInterval() {
    Links links = links();
    List<Integer> delays = new ArrayList<>();
    for (Pair p : links.pairs()) {
      if (p.infectorOnset() != null && p.infecteeOnset() != null) {
        delays.add(days(p.infectorOnset(), p.infecteeOnset()));
      }
    }
    return summary("SERIAL_INTERVAL", delays, links.pairs().size(), links.truncated());
  }

  /** Last exposure to the infector (as a named contact) → infectee onset. */
  public DelaySummary incubationPeriod() {
    Links links = links();
    Map<String, LocalDate> exposures = new HashMap<>();
    boolean truncated = links.truncated();
    int page = 0;
    PageResult<Contact> result;
    do {
      result = contacts.inJurisdiction(null, null, Paging.of(page++, Paging.MAX_SIZE));
      for (Contact c : result.items()) {
        if (c.lastExposureDate() != null && c.personId() != null) {
          exposures.merge(c.caseId() + "/" + c.personId(), c.lastExposureDate(), (a, b) -> a.isAfter(b) ? a : b);
        }
      }
    } while (result.hasMore() && page * Paging.MAX_SIZE < MAX_CONTACTS);
    truncated |= result.hasMore();
    List<Pair> withOnset = links.pairs().stream().filter(p -> p.infecteeOnset() != null).toList();
    Map<String, String> personOfCase = new HashMap<>();
    for (int from = 0; from < withOnset.size(); from += 10_000) {
      cases.nodes(withOnset.subList(from, Math.min(withOnset.size(), from + 10_000)).stream()
          .map(p -> UUID.fromString(p.infectee())).toList())
          .forEach(node -> personOfCase.put(node.caseId(), node.personId()));
    }
    List<Integer> delays = new ArrayList<>();
    for (Pair p : withOnset) {
      LocalDate exposure = exposures.get(p.infector() + "/" + personOfCase.get(p.infectee()));
      if (exposure != null) {
        delays.add(days(exposure, p.infecteeOnset()));
      }
    }
    return summary("INCUBATION_PERIOD", delays, links.pairs().size(), truncated);
  }

  private Links links() {
    List<Pair> pairs = chains.linkedOnsets(MAX_LINKS + 1).stream()
        .map(l -> new Pair(l.infectorCaseId(), l.infecteeCaseId(), l.infectorOnset(), l.infecteeOnset()))
        .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    boolean truncated = pairs.size() > MAX_LINKS;
    return new Links(truncated ? pairs.subList(0, MAX_LINKS) : pairs, truncated);
  }

  private static int days(LocalDate from, LocalDate to) {
    return (int) (to.toEpochDay() - from.toEpochDay());
  }

  private static DelaySummary summary(String kind, List<Integer> delays, int links, boolean truncated) {
    DelayStatistics.Summary s = DelayStatistics.of(delays.stream().mapToInt(Integer::intValue).toArray());
    if (s.n() == 0) {
      return new DelaySummary(kind, 0, null, null, null, Map.of(), null, null, 0, null, List.of(), null, links,
          links, truncated);
    }
    Map<String, Double> quantiles = new java.util.LinkedHashMap<>();
    for (int i = 0; i < DelayStatistics.LEVELS.size(); i++) {
      quantiles.put(DelayStatistics.LEVELS.get(i).toString(), s.quantiles().get(i));
    }
    DelayStatistics.Gamma g = s.gamma();
    return new DelaySummary(kind, s.n(), s.mean(), Double.isNaN(s.sd()) ? null : s.sd(), s.median(), quantiles,
        (int) s.min(), (int) s.max(), s.negatives(),
        g == null ? null : new GammaFit(g.shape(), g.scale(), g.q025(), g.median(), g.q975()),
        java.util.Arrays.stream(s.histogram()).boxed().toList(), s.histogramStart(), links, links - s.n(), truncated);
  }
}
