package org.epicommand.analytics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.epicommand.analytics.Bulletin;
import org.epicommand.analytics.Bulletin.Figures;
import org.epicommand.analytics.BulletinState;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bulletins (analytics_bulletin), one per day. */
@Repository
public class BulletinStore {

  private static final String COLUMNS = "day, area_name, state, text, local_confirmed, conversions, local_asymptomatic,"
      + " imported_confirmed, imported_asymptomatic, created_by, created_at, updated_by, updated_at, approved_by,"
      + " approved_at, published_at";

  private final JdbcClient jdbc;

  BulletinStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a draft; false when the day already has a bulletin. */
  public boolean insert(LocalDate day, String code, String path, String area, String text, Figures f, String user,
      OffsetDateTime at) {
    return jdbc.sql("""
        insert into analytics_bulletin (day, jurisdiction_code, jurisdiction_path, area_name, state, text,
          local_confirmed, conversions, local_asymptomatic, imported_confirmed, imported_asymptomatic,
          created_by, created_at, updated_by, updated_at)
        values (:day, :code, :path, :area, 'DRAFT', :text, :lc, :cv, :la, :ic, :ia, :user, :at, :user, :at)
        on conflict (day) do nothing""")
        .param("day", day).param("code", code).param("path", path).param("area", area).param("text", text)
        .param("lc", f.newLocalConfirmed()).param("cv", f.conversions()).param("la", f.newLocalAsymptomatic())
        .param("ic", f.newImportedConfirmed()).param("ia", f.newImportedAsymptomatic())
        .param("user", user).param("at", at).update() == 1;
  }

  public Optional<Bulletin> find(LocalDate day, JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from analytics_bulletin where day = :day and "
        + scope.predicate("jurisdiction_path"))).param("day", day).query(BulletinStore::map).optional();
  }

  /** Any day, regardless of scope: the day exists at most once. */
  public Optional<LocalDate> exists(LocalDate day) {
    return jdbc.sql("select day from analytics_bulletin where day = :day").param("day", day)
        .query(LocalDate.class).optional();
  }

  public List<Bulletin> list(JurisdictionScope scope, int limit) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from analytics_bulletin where "
        + scope.predicate("jurisdiction_path") + " order by day desc limit :limit")).param("limit", limit)
        .query(BulletinStore::map).list();
  }

  public List<Bulletin> published(int limit) {
    return jdbc.sql("select " + COLUMNS + " from analytics_bulletin where state = 'PUBLISHED' order by day desc"
        + " limit :limit").param("limit", limit).query(BulletinStore::map).list();
  }

  public Optional<Bulletin> publishedOn(LocalDate day) {
    return jdbc.sql("select " + COLUMNS + " from analytics_bulletin where state = 'PUBLISHED' and day = :day")
        .param("day", day).query(BulletinStore::map).optional();
  }

  /** Replaces the text while the bulletin is still in {@code expected}; false when it no longer is. */
  public boolean updateText(LocalDate day, BulletinState expected, String text, String user, OffsetDateTime at) {
    return jdbc.sql("update analytics_bulletin set text = :text, updated_by = :user, updated_at = :at"
        + " where day = :day and state = :expected")
        .param("text", text).param("user", user).param("at", at).param("day", day)
        .param("expected", expected.name()).update() == 1;
  }

  /** Moves the state from {@code from} to {@code to}, stamping who approved or when it was published. */
  public boolean move(LocalDate day, BulletinState from, BulletinState to, String user, OffsetDateTime at) {
    String stamp = to == BulletinState.APPROVED ? ", approved_by = :user, approved_at = :at"
        : to == BulletinState.PUBLISHED ? ", published_at = :at" : "";
    var statement = jdbc.sql("update analytics_bulletin set state = :to, updated_by = :user, updated_at = :at" + stamp
        + " where day = :day and state = :from")
        .param("to", to.name()).param("user", user).param("at", at).param("day", day).param("from", from.name());
    return statement.update() == 1;
  }

  private static Bulletin map(ResultSet rs, int row) throws SQLException {
    return new Bulletin(rs.getObject("day", LocalDate.class), rs.getString("area_name"),
        BulletinState.valueOf(rs.getString("state")), rs.getString("text"),
        new Figures(rs.getLong("local_confirmed"), rs.getLong("conversions"), rs.getLong("local_asymptomatic"),
            rs.getLong("imported_confirmed"), rs.getLong("imported_asymptomatic")),
        rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("updated_by"),
        rs.getObject("updated_at", OffsetDateTime.class), rs.getString("approved_by"),
        rs.getObject("approved_at", OffsetDateTime.class), rs.getObject("published_at", OffsetDateTime.class));
  }
}
