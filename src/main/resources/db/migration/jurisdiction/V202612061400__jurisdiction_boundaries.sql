-- Division boundaries (区划边界) for the maps: one row per division that has one. The geometry is kept
-- as imported (WKB, WGS-84 longitude/latitude) for point-in-division checks; the browser gets one of
-- three simplified GeoJSON shapes, chosen by how much of the map the divisions drawn cover, so that a
-- city's communities stay a small download. The label point lies inside the division (JTS interior
-- point); the centroid may not (a crescent-shaped county). digest makes a re-import of the same shape
-- change nothing.
create table jurisdiction_boundary (
  code          varchar(20)      primary key references jurisdiction (code),
  geometry      bytea            not null,
  digest        char(64)         not null,
  coordinates   int              not null,
  shape_coarse  text             not null,
  shape_medium  text             not null,
  shape_fine    text             not null,
  label_lon     double precision not null,
  label_lat     double precision not null,
  centroid_lon  double precision not null,
  centroid_lat  double precision not null,
  min_lon       double precision not null,
  min_lat       double precision not null,
  max_lon       double precision not null,
  max_lat       double precision not null,
  area_km2      double precision not null,
  source        varchar(255),
  updated_at    timestamptz      not null,
  updated_by    varchar(64)      not null
);
