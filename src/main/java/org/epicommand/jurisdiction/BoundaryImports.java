package org.epicommand.jurisdiction;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.imports.ImportStatus;
import org.epicommand.jurisdiction.internal.BoundaryFile;
import org.epicommand.jurisdiction.internal.BoundaryGeometry;
import org.epicommand.jurisdiction.internal.BoundaryStore;
import org.epicommand.jurisdiction.internal.GeoJsonGeometries;
import org.epicommand.jurisdiction.internal.JurisdictionRepository;
import org.epicommand.jurisdiction.internal.PreparedBoundaries;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports division boundaries (区划边界): from a GeoJSON or ECharts map file, or — for the demo city —
 * from geometries made in code, both through {@link #importFeatures}. Each feature names its division
 * by code or by name within a parent; a feature whose division is unknown, ambiguous or named twice,
 * or whose geometry is unreadable, invalid (self-intersecting …) or not in China (longitude and latitude
 * swapped) is a row error, and the valid ones land. The same shape imported again changes nothing; a
 * new shape replaces the old one and is audited.
 */
@Service
public class BoundaryImports {

  /** How a feature names its division. AUTO: by code when it carries a known one, else by name. */
  public enum Key { AUTO, CODE, NAME }

  /**
   * {@code parentCode}: names are looked up below this division (and codes must lie below it);
   * {@code level}: only divisions of this level; {@code source}: where the file came from, kept with
   * each boundary.
   */
  public record Options(Key key, String parentCode, JurisdictionLevel level, String source) {}

  /** Larger files are no division boundaries (a city's communities at full detail are a few MB). */
  public static final int MAX_FILE_BYTES = 64 * 1024 * 1024;

  private final JurisdictionRepository divisions;
  private final BoundaryStore store;
  private final PreparedBoundaries prepared;
  private final AuditTrail audit;
  private final MessageSource messages;
  private final Clock clock;

  BoundaryImports(JurisdictionRepository divisions, BoundaryStore store, PreparedBoundaries prepared,
      AuditTrail audit, MessageSource messages, Clock clock) {
    this.divisions = divisions;
    this.store = store;
    this.prepared = prepared;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
  }

  /** Imports a GeoJSON or ECharts map file; 400 on {@code file} when it is neither. */
  @Transactional
  public BoundaryImportResult importFile(byte[] content, Options options, Locale locale) {
    if (content == null || content.length == 0) {
      throw new ValidationFailure(FieldProblem.of("file", "import.noFile"));
    }
    if (content.length > MAX_FILE_BYTES) {
      throw new ValidationFailure(FieldProblem.of("file", "boundary.fileTooLarge", MAX_FILE_BYTES / 1024 / 1024));
    }
    List<BoundaryFile.Feature> raw = BoundaryFile.read(content);
    List<BoundaryFeature> features = new ArrayList<>(raw.size());
    List<ImportStatus.RowError> unreadable = new ArrayList<>();
    for (BoundaryFile.Feature feature : raw) {
      try {
        features.add(new BoundaryFeature(feature.row(), feature.code(), feature.name(),
            GeoJsonGeometries.read(feature.geometry(), feature.scale())));
      } catch (GeoJsonGeometries.Unreadable e) {
        unreadable.add(error(feature.row(), "geometry", e.code(), locale));
      }
    }
    return store(features, unreadable, raw.size(), options, locale);
  }

  /** Imports boundaries made in code (the demo city's), with the rules and answers of a file. */
  @Transactional
  public BoundaryImportResult importFeatures(List<BoundaryFeature> features, Options options, Locale locale) {
    return store(features, new ArrayList<>(), features.size(), options, locale);
  }

  private BoundaryImportResult store(List<BoundaryFeature> features, List<ImportStatus.RowError> errors, int total,
      Options options, Locale locale) {
    Key key = options.key() == null ? Key.AUTO : options.key();
    Jurisdiction parent = null;
    if (options.parentCode() != null && !options.parentCode().isBlank()) {
      parent = divisions.find(options.parentCode().strip())
          .orElseThrow(() -> new ValidationFailure(FieldProblem.of("parent", "jurisdiction.unknown")));
    } else if (key == Key.NAME) {
      throw new ValidationFailure(FieldProblem.of("parent", "boundary.parentRequired"));
    }
    Matcher matcher = new Matcher(parent, options.level());
    Map<String, Integer> seen = new HashMap<>();
    String username = username();
    int imported = 0;
    int unchanged = 0;
    for (BoundaryFeature feature : features) {
      Match match = matcher.match(feature, key);
      FieldProblem problem = match.problem();
      if (problem == null) {
        Integer first = seen.putIfAbsent(match.division().code(), feature.row());
        problem = first == null ? null
            : FieldProblem.of(match.field(), "boundary.duplicate", match.division().name(), first);
      }
      if (problem == null) {
        problem = BoundaryGeometry.problem(feature.geometry());
      }
      if (problem != null) {
        errors.add(error(feature.row(), problem.field(), problem.code(), locale, problem.args().toArray()));
        continue;
      }
      BoundaryStore.Row row = BoundaryGeometry.row(match.division().code(), feature.geometry(), options.source());
      imported++;
      if (store.digest(row.code()).filter(row.digest()::equals).isPresent()) {
        unchanged++;
        continue;
      }
      store.save(row, clock.instant(), username);
      audit.record(AuditAction.UPDATE, "JURISDICTION_BOUNDARY", row.code(),
          "boundary: " + row.coordinates() + " points, " + Math.round(row.areaKm2()) + " km²"
              + (options.source() == null ? "" : ", from " + options.source()));
    }
    if (imported > unchanged) {
      prepared.forget();
    }
    errors.sort(Comparator.comparingInt(ImportStatus.RowError::row));
    return new BoundaryImportResult(total, imported, unchanged, total - imported, errors);
  }

  /** A feature's division, or why it has none, and the field that named it. */
  private record Match(Jurisdiction division, String field, FieldProblem problem) {}

  /** Finds divisions by code, or by name among the parent's descendants (read once per import). */
  private final class Matcher {

    private final Jurisdiction parent;
    private final JurisdictionLevel level;
    private Map<String, List<Jurisdiction>> byName;

    Matcher(Jurisdiction parent, JurisdictionLevel level) {
      this.parent = parent;
      this.level = level;
    }

    Match match(BoundaryFeature feature, Key key) {
      if (key != Key.NAME && feature.code() != null) {
        Optional<Jurisdiction> division = divisions.find(feature.code()).filter(this::admitted);
        if (division.isPresent()) {
          return new Match(division.get(), "code", null);
        }
        if (key == Key.CODE || feature.name() == null || parent == null) {
          return new Match(null, "code", FieldProblem.of("code", "boundary.unknownCode", feature.code()));
        }
      }
      if (key == Key.CODE) {
        return new Match(null, "code", FieldProblem.of("code", "boundary.noCode"));
      }
      if (feature.name() == null) {
        return new Match(null, "name", FieldProblem.of("name", "boundary.noName"));
      }
      if (parent == null) {
        return new Match(null, "name", FieldProblem.of("name", "boundary.parentRequired"));
      }
      List<Jurisdiction> named = byName().getOrDefault(feature.name(), List.of());
      if (named.isEmpty()) {
        // "忻府" for 忻府区: a name without its suffix, when only one division starts with it
        named = feature.name().length() < 2 ? List.of() : byName().values().stream().flatMap(List::stream)
            .filter(j -> j.name().startsWith(feature.name())).toList();
      }
      if (named.size() == 1) {
        return new Match(named.get(0), "name", null);
      }
      return new Match(null, "name", named.isEmpty()
          ? FieldProblem.of("name", "boundary.unknownName", feature.name(), parent.name())
          : FieldProblem.of("name", "boundary.ambiguousName", feature.name(), named.size()));
    }

    private boolean admitted(Jurisdiction division) {
      return (parent == null || parent.scope().contains(division.path()) && !parent.code().equals(division.code()))
          && (level == null || division.level() == level);
    }

    private Map<String, List<Jurisdiction>> byName() {
      if (byName == null) {
        byName = new HashMap<>();
        divisions.descendants(parent.scope()).stream().filter(j -> level == null || j.level() == level)
            .forEach(j -> byName.computeIfAbsent(j.name(), n -> new ArrayList<>()).add(j));
      }
      return byName;
    }
  }

  private ImportStatus.RowError error(int row, String field, String code, Locale locale, Object... args) {
    return new ImportStatus.RowError(row, field, messages.getMessage("error." + code, args, code, locale));
  }

  private static String username() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? "system" : authentication.getName();
  }
}
