package org.epicommand.analytics.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.springframework.stereotype.Component;

/**
 * Maps a record's jurisdiction (a community, a street, ...) to the district (county level) the
 * dashboard counts it under. A record above district level counts under its own node.
 */
@Component
public class Districts {

  /** A district's code and materialised path. */
  public record District(String code, String path) {}

  private final Jurisdictions jurisdictions;
  private final Map<String, District> cache = new ConcurrentHashMap<>();
  private final Map<String, District> places = new ConcurrentHashMap<>();

  Districts(Jurisdictions jurisdictions) {
    this.jurisdictions = jurisdictions;
  }

  /** The materialised path of the record's own division (its district's when the code is unknown). */
  public String pathOf(String jurisdictionCode) {
    return place(jurisdictionCode).path();
  }

  public District of(String jurisdictionCode) {
    District known = cache.get(jurisdictionCode);
    if (known != null) {
      return known;
    }
    List<Jurisdiction> ancestry = jurisdictions.ancestry(jurisdictionCode);
    if (ancestry.isEmpty()) {
      return new District(jurisdictionCode, "/" + jurisdictionCode + "/");
    }
    Jurisdiction district = ancestry.stream().filter(j -> j.level() == JurisdictionLevel.COUNTY).findFirst()
        .orElse(ancestry.get(ancestry.size() - 1));
    District result = new District(district.code(), district.path());
    cache.put(jurisdictionCode, result);
    return result;
  }

  /** The division itself (a record's own place: a community, a street …), by code and path. */
  public District place(String jurisdictionCode) {
    District known = places.get(jurisdictionCode);
    if (known != null) {
      return known;
    }
    District place = jurisdictions.find(jurisdictionCode).map(j -> new District(j.code(), j.path()))
        .orElseGet(() -> of(jurisdictionCode));
    places.put(jurisdictionCode, place);
    return place;
  }
}
