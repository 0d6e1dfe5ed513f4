package org.epicommand.quarantine.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.quarantine.SitePosts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code quarantine_site_worker} and {@code quarantine_site_post}. */
@Repository
public class SitePostStore {

  private final JdbcClient jdbc;

  SitePostStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UUID id, UUID site, UUID person, String name, SitePosts.NewMember m, String by, Instant now) {
    jdbc.sql("insert into quarantine_site_worker (id, site_id, person_id, name, phone, post, shift, loop_from, loop_to,"
            + " created_by, created_at) values (:id, :site, :person, :name, :phone, :post, :shift, :from, :to, :by,"
            + " :now)")
        .param("id", id).param("site", site).param("person", person).param("name", name).param("phone", m.phone())
        .param("post", m.post().name()).param("shift", m.shift().name()).param("from", m.loopFrom())
        .param("to", m.loopTo()).param("by", by).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .update();
  }

  /** Ends the person's closed loop today (or on its planned end, when that came first). */
  public void leave(UUID id, LocalDate today, Instant now) {
    jdbc.sql("update quarantine_site_worker set left_at = :now, loop_to = least(coalesce(loop_to, :today), :today)"
            + " where id = :id").param("id", id).param("today", today)
        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
  }

  /** A post ended as planned: the worker row, its site, post and person (null for a row kept by name). */
  public record Ended(UUID id, UUID site, SitePosts.Post post, UUID person) {}

  /**
   * Ends the posts (not left) whose planned last day lies before {@code today}, at {@code now}, their loop as planned;
   * answers them. A second run the same day ends nothing.
   */
  public List<Ended> endPlanned(LocalDate today, Instant now) {
    return jdbc.sql("update quarantine_site_worker set left_at = :now where left_at is null and loop_to < :today"
            + " returning id, site_id, post, person_id").param("today", today)
        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .query((rs, n) -> new Ended(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            SitePosts.Post.valueOf(rs.getString(3)), rs.getObject(4, UUID.class))).list();
  }

  /**
   * Where a person stands with their posts at all sites: {@code onPost} while one of them is open (not left), and the
   * day: then the planned last day of the open posts (the latest of them, null when one has none); else the day they
   * left their last post (the latest day any of their posts ended, its {@code loop_to}; null when none has one).
   */
  public record Standing(boolean onPost, LocalDate day) {}

  /** How these persons stand with their posts ({@link Standing}), by person; none for one who never held a post. */
  public Map<UUID, Standing> standings(java.util.Collection<UUID> persons) {
    Map<UUID, Standing> standings = new java.util.HashMap<>();
    jdbc.sql("select person_id, bool_or(left_at is null), case when bool_or(left_at is null)"
            + " then case when bool_or(left_at is null and loop_to is null) then null"
            + " else max(loop_to) filter (where left_at is null) end else max(loop_to) end"
            + " from quarantine_site_worker where person_id = any(cast(:persons as uuid[])) group by person_id")
        .param("persons", persons.toArray(UUID[]::new))
        .query((rs, n) -> standings.put(rs.getObject(1, UUID.class),
            new Standing(rs.getBoolean(2), rs.getObject(3, LocalDate.class)))).list();
    return standings;
  }

  /**
   * Every person who has held a post at some site, open or left (rows kept by name before site staff were persons of
   * the registry have none), in order: one pass over the table, for the rare run over all site staff.
   */
  public List<UUID> persons() {
    return jdbc.sql("select distinct person_id from quarantine_site_worker where person_id is not null"
        + " order by person_id").query(UUID.class).list();
  }

  /** The site's people: those on duty first, by post, shift and name. */
  public List<SitePosts.Member> members(UUID site, LocalDate today) {
    return jdbc.sql("select id, name, phone, post, shift, loop_from, loop_to, left_at, person_id::text"
            + " from quarantine_site_worker"
            + " where site_id = :site order by left_at is not null, post, shift, name, id").param("site", site)
        .query((rs, n) -> {
          LocalDate from = rs.getObject(6, LocalDate.class);
          LocalDate to = rs.getObject(7, LocalDate.class);
          OffsetDateTime left = rs.getObject(8, OffsetDateTime.class);
          boolean onDuty = left == null && !from.isAfter(today) && (to == null || !to.isBefore(today));
          return new SitePosts.Member(rs.getString(1), rs.getString(9), rs.getString(2), rs.getString(3),
              SitePosts.Post.valueOf(rs.getString(4)), SitePosts.Shift.valueOf(rs.getString(5)), from, to,
              left == null ? null : left.toInstant(),
              left == null ? SitePosts.MemberState.ON_DUTY : SitePosts.MemberState.LEFT, onDuty, null, null);
        }).list();
  }

  /** The site's own people per shift by post. */
  public Map<SitePosts.Post, Integer> standards(UUID site) {
    Map<SitePosts.Post, Integer> own = new EnumMap<>(SitePosts.Post.class);
    jdbc.sql("select post, per_shift from quarantine_site_post where site_id = :site").param("site", site)
        .query((rs, n) -> own.put(SitePosts.Post.valueOf(rs.getString(1)), rs.getInt(2))).list();
    return own;
  }

  /** Sets (or, with {@code null}, drops) the site's own standard for a post. */
  public void standard(UUID site, SitePosts.Post post, Integer perShift, Instant now) {
    if (perShift == null) {
      jdbc.sql("delete from quarantine_site_post where site_id = :site and post = :post").param("site", site)
          .param("post", post.name()).update();
      return;
    }
    jdbc.sql("insert into quarantine_site_post (site_id, post, per_shift, updated_at) values (:site, :post, :n, :now)"
            + " on conflict (site_id, post) do update set per_shift = excluded.per_shift,"
            + " updated_at = excluded.updated_at")
        .param("site", site).param("post", post.name()).param("n", perShift)
        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
  }
}
