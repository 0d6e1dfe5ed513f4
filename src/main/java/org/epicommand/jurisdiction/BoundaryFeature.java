package org.epicommand.jurisdiction;

import org.locationtech.jts.geom.Geometry;

/**
 * One boundary to import: the division by its code or by its name (within the import's parent), and
 * its polygon or multipolygon in WGS-84 longitude/latitude. {@code row} is its place in the file (1 =
 * the first feature), the number its errors carry.
 */
public record BoundaryFeature(int row, String code, String name, Geometry geometry) {}
