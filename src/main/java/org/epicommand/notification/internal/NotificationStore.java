package org.epicommand.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.notification.Notice;
import org.epicommand.notification.NotificationView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification table. Every read and update names the recipient: a user reaches only their own rows. */
@Repository
public class NotificationStore {

  private static final String COLUMNS = "id, kind, title, body, link, created_at, read_at";

  private final JdbcClient jdbc;

  NotificationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Notice notice, List<String> recipients, Instant at) {
    for (String recipient : recipients) {
      jdbc.sql("insert into notification (id, recipient, kind, title, body, link, created_at)"
              + " values (:id, :recipient, :kind, :title, :body, :link, :at)")
          .param("id", UUID.randomUUID()).param("recipient", recipient).param("kind", notice.kind())
          .param("title", notice.title()).param("body", notice.body()).param("link", notice.link())
          .param("at", Timestamp.from(at)).update();
    }
  }

  public List<NotificationView> page(String recipient, boolean unreadOnly, long offset, int limit, ZoneId zone) {
    return jdbc.sql("select " + COLUMNS + " from notification where recipient = :recipient"
            + (unreadOnly ? " and read_at is null" : "") + " order by created_at desc, id offset :offset limit :limit")
        .param("recipient", recipient).param("offset", offset).param("limit", limit)
        .query((rs, n) -> map(rs, zone)).list();
  }

  public Optional<NotificationView> find(UUID id, String recipient, ZoneId zone) {
    return jdbc.sql("select " + COLUMNS + " from notification where id = :id and recipient = :recipient")
        .param("id", id).param("recipient", recipient).query((rs, n) -> map(rs, zone)).optional();
  }

  public long unread(String recipient) {
    return jdbc.sql("select count(*) from notification where recipient = :recipient and read_at is null")
        .param("recipient", recipient).query(Long.class).single();
  }

  /** Marks one message read (keeping the first reading time); false when it is not the recipient's. */
  public boolean markRead(UUID id, String recipient, Instant at) {
    return jdbc.sql(
        "update notification set read_at = coalesce(read_at, :at) where id = :id and recipient = :recipient")
        .param("id", id).param("recipient", recipient).param("at", Timestamp.from(at)).update() == 1;
  }

  public int markAllRead(String recipient, Instant at) {
    return jdbc.sql("update notification set read_at = :at where recipient = :recipient and read_at is null")
        .param("recipient", recipient).param("at", Timestamp.from(at)).update();
  }

  private static NotificationView map(ResultSet rs, ZoneId zone) throws SQLException {
    Timestamp read = rs.getTimestamp("read_at");
    return new NotificationView(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("title"),
        rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant().atZone(zone)
        .toOffsetDateTime(), read == null ? null : read.toInstant().atZone(zone).toOffsetDateTime());
  }
}
