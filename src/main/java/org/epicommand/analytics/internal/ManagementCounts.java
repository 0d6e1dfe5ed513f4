package org.epicommand.analytics.internal;

import java.util.Optional;
import org.epicommand.analytics.internal.Districts.District;
import org.epicommand.quarantine.QuarantineOrderEnded;
import org.epicommand.quarantine.QuarantineOrderOpened;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the persons under management by district, reason and regime (analytics_management_count)
 * from the quarantine orders' openings and ends. Idempotent per order: an opening counts once, an
 * end decrements once, and always the bucket the opening filled.
 */
@Component
public class ManagementCounts {

  private record Bucket(String districtCode, String districtPath, String reason, String regime, District place) {}

  private final JdbcClient jdbc;
  private final Districts districts;
  private final PlaceCounts places;

  ManagementCounts(JdbcClient jdbc, Districts districts, PlaceCounts places) {
    this.jdbc = jdbc;
    this.districts = districts;
    this.places = places;
  }

  @ApplicationModuleListener
  public void on(QuarantineOrderOpened event) {
    District district = districts.of(event.jurisdictionCode());
    District place = districts.place(event.jurisdictionCode());
    String reason = event.reason() == null ? "OTHER" : event.reason().name();
    String regime = event.firstRegime() == null ? "OTHER" : event.firstRegime().name();
    int inserted = jdbc.sql("""
        insert into analytics_order (order_id, district_code, district_path, reason, regime, place_code, place_path)
        values (:id, :district, :path, :reason, :regime, :placeCode, :placePath) on conflict (order_id) do nothing""")
        .param("id", event.orderId()).param("district", district.code()).param("path", district.path())
        .param("reason", reason).param("regime", regime).param("placeCode", place.code())
        .param("placePath", place.path()).update();
    if (inserted == 1) {
      add(new Bucket(district.code(), district.path(), reason, regime, place), 1);
    }
  }

  @ApplicationModuleListener
  public void on(QuarantineOrderEnded event) {
    Optional<Bucket> ended = jdbc.sql("""
        update analytics_order set ended = true where order_id = :id and not ended
        returning district_code, district_path, reason, regime, place_code, place_path""")
        .param("id", event.orderId())
        .query((rs, n) -> new Bucket(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            new District(rs.getString(5), rs.getString(6))))
        .optional();
    ended.ifPresent(bucket -> add(bucket, -1));
  }

  private void add(Bucket bucket, int persons) {
    jdbc.sql("""
        insert into analytics_management_count (district_code, district_path, reason, regime, persons)
        values (:district, :path, :reason, :regime, :persons)
        on conflict (district_code, reason, regime)
        do update set persons = analytics_management_count.persons + excluded.persons""")
        .param("district", bucket.districtCode()).param("path", bucket.districtPath())
        .param("reason", bucket.reason()).param("regime", bucket.regime()).param("persons", persons).update();
    places.current(PlaceCounts.MANAGED, bucket.place(), persons);
  }
}
