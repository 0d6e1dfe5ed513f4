package org.epicommand.vaccination.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.epicommand.vaccination.VaccinePlatform;
import org.epicommand.vaccination.VaccineProductDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of vaccine products ({@code vaccination_product}): a few dozen rows, the city's whole list. */
@Repository
public class ProductStore {

  /** A stored product: its checked data and whether it is retired. */
  public record Row(VaccineProductDetails data, Instant retiredAt) {

    public String code() {
      return data.code();
    }
  }

  private final JdbcClient jdbc;

  ProductStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Row> find(String code) {
    return jdbc.sql("select * from vaccination_product where code = :code").param("code", code)
        .query((rs, n) -> map(rs)).optional();
  }

  /** Every product, by code (the landing of doses reads them once per batch). */
  public List<Row> all() {
    return jdbc.sql("select * from vaccination_product order by code").query((rs, n) -> map(rs)).list();
  }

  public List<Row> list(Boolean active, String query, long offset, int limit) {
    return bind(jdbc.sql("select * from vaccination_product where " + where(active, query)
        + " order by code offset :offset limit :limit"), query).param("offset", offset).param("limit", limit)
        .query((rs, n) -> map(rs)).list();
  }

  public long count(Boolean active, String query) {
    return bind(jdbc.sql("select count(*) from vaccination_product where " + where(active, query)), query)
        .query(Long.class).single();
  }

  private static String where(Boolean active, String query) {
    return VaccinationSiteStore.where("true", "", active, query);
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, String query) {
    return VaccinationSiteStore.search(statement, query);
  }

  /** The code of another product with the same name and manufacturer, or the same CVX code. */
  public Optional<String> sameProduct(VaccineProductDetails d) {
    return jdbc.sql("""
        select code from vaccination_product
        where code <> :code and ((name = :name and manufacturer = :manufacturer) or cvx = :cvx)
        order by code limit 1
        """).param("code", d.code()).param("name", d.name()).param("manufacturer", d.manufacturer())
        .param("cvx", d.cvx()).query(String.class).optional();
  }

  public boolean insert(VaccineProductDetails d, Instant now) {
    return values(jdbc.sql("""
        insert into vaccination_product (code, name, manufacturer, platform, cvx, primary_doses, min_interval_days,
          booster_interval_months, second_booster_interval_months, min_age, max_age, created_at, updated_at)
        values (:code, :name, :manufacturer, :platform, :cvx, :primaryDoses, :minInterval, :booster, :secondBooster,
          :minAge, :maxAge, :now, :now)
        on conflict (code) do nothing
        """), d, now).update() == 1;
  }

  public void update(VaccineProductDetails d, Instant now) {
    values(jdbc.sql("""
        update vaccination_product set name = :name, manufacturer = :manufacturer, platform = :platform, cvx = :cvx,
          primary_doses = :primaryDoses, min_interval_days = :minInterval, booster_interval_months = :booster,
          second_booster_interval_months = :secondBooster, min_age = :minAge, max_age = :maxAge, updated_at = :now
        where code = :code
        """), d, now).update();
  }

  private static JdbcClient.StatementSpec values(JdbcClient.StatementSpec statement, VaccineProductDetails d,
      Instant now) {
    return statement.param("code", d.code()).param("name", d.name()).param("manufacturer", d.manufacturer())
        .param("platform", d.platform().name()).param("cvx", d.cvx()).param("primaryDoses", d.primaryDoses())
        .param("minInterval", d.minIntervalDays()).param("booster", d.boosterIntervalMonths())
        .param("secondBooster", d.secondBoosterIntervalMonths()).param("minAge", d.minAge())
        .param("maxAge", d.maxAge()).param("now", MasterRows.utc(now));
  }

  private static Row map(ResultSet rs) throws SQLException {
    VaccineProductDetails data = new VaccineProductDetails(rs.getString("code"), rs.getString("name"),
        rs.getString("manufacturer"), VaccinePlatform.valueOf(rs.getString("platform")), rs.getString("cvx"),
        rs.getInt("primary_doses"), rs.getInt("min_interval_days"), rs.getInt("booster_interval_months"),
        rs.getInt("second_booster_interval_months"), rs.getInt("min_age"), (Integer) rs.getObject("max_age"));
    return new Row(data, MasterRows.instant(rs.getObject("retired_at", OffsetDateTime.class)));
  }
}
