package org.epicommand.jurisdiction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A division as a map draws it: its GeoJSON geometry (simplified to a {@link MapDetail}, written out
 * as it is stored), the point its label goes on (inside the division) and its extent.
 */
public record DivisionShape(String code, String name, JurisdictionLevel level, @JsonIgnore String path,
    @JsonRawValue String geometry, double labelLat, double labelLon, double minLon, double minLat, double maxLon,
    double maxLat) {}
