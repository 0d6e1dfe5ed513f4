package org.epicommand.jurisdiction.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.stereotype.Component;

/**
 * Point-in-division tests against the boundaries as imported, with the parsed and indexed geometry
 * (JTS {@link PreparedGeometry}) kept for {@link #KEEP}: an import of ten thousand venues with
 * coordinates tests ten thousand points against a few divisions. A boundary stored on this instance is
 * forgotten at once; one stored on another instance is seen within {@link #KEEP}.
 */
@Component
public class PreparedBoundaries {

  static final Duration KEEP = Duration.ofSeconds(60);
  private static final int MAX_KEPT = 2_000;

  /** The division whose boundary holds (or does not hold) a point. */
  public record Holder(String code, String name, boolean contains) {}

  /** A division's indexed boundary. */
  private record Boundary(String code, String name, PreparedGeometry geometry) {}

  /** What was found for an ancestry (perhaps no boundary at all), and when. */
  private record Kept(Optional<Boundary> boundary, Instant at) {}

  private final BoundaryStore store;
  private final Clock clock;
  private final Map<List<String>, Kept> kept = new ConcurrentHashMap<>();

  PreparedBoundaries(BoundaryStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Whether the nearest division of {@code ancestry} (codes from the root down) that has a boundary
   * contains the point; empty when none of them has one.
   */
  public Optional<Holder> test(List<String> ancestry, double lat, double lon) {
    Instant now = clock.instant();
    Kept entry = kept.get(ancestry);
    if (entry == null || entry.at().plus(KEEP).isBefore(now)) {
      if (kept.size() > MAX_KEPT) {
        kept.clear();
      }
      entry = new Kept(store.deepestWithBoundary(ancestry).map(s -> new Boundary(s.code(), s.name(),
          PreparedGeometryFactory.prepare(BoundaryGeometry.fromWkb(s.wkb())))), now);
      kept.put(ancestry, entry);
    }
    return entry.boundary().map(b -> new Holder(b.code(), b.name(),
        b.geometry().covers(GeoJsonGeometries.FACTORY.createPoint(new Coordinate(lon, lat)))));
  }

  /** Forgets what was kept: a boundary changed. */
  public void forget() {
    kept.clear();
  }
}
