package org.epicommand.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.notification.DeliveryView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbound deliveries: the worker's queue (claimed with a lease, so two workers never send one twice). */
@Repository
public class DeliveryStore {

  /** The channels. */
  public enum Channel { EMAIL, SMS, WEBHOOK }

  /** A delivery due for an attempt. */
  public record Due(UUID id, Channel channel, String kind, String recipient, String subject, String payload,
      int attempts) {}

  private static final String VIEW = "id, channel, kind, recipient, subject, state, attempts, last_status,"
      + " last_error, next_attempt_at, created_at, sent_at";

  private final JdbcClient jdbc;

  DeliveryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public UUID insert(Channel channel, String kind, String recipient, String subject, String payload, Instant now) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        insert into notification_delivery (id, channel, kind, recipient, subject, payload, state, next_attempt_at,
          created_at) values (:id, :channel, :kind, :recipient, :subject, :payload, 'PENDING', :now, :now)""")
        .param("id", id).param("channel", channel.name()).param("kind", kind).param("recipient", recipient)
        .param("subject", subject).param("payload", payload).param("now", utc(now)).update();
    return id;
  }

  /** Claims up to {@code limit} due deliveries until {@code leaseUntil} (a crashed attempt is taken up again). */
  public List<Due> claim(Instant now, Instant leaseUntil, int limit) {
    return jdbc.sql("""
        update notification_delivery set next_attempt_at = :lease
        where id in (select id from notification_delivery where state = 'PENDING' and next_attempt_at <= :now
                     order by next_attempt_at limit :limit for update skip locked)
        returning id, channel, kind, recipient, subject, payload, attempts""")
        .param("now", utc(now)).param("lease", utc(leaseUntil)).param("limit", limit)
        .query((rs, n) -> new Due(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
            rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"), rs.getString("payload"),
            rs.getInt("attempts"))).list();
  }

  public void sent(UUID id, Integer status, Instant now) {
    jdbc.sql("""
        update notification_delivery set state = 'SENT', attempts = attempts + 1, last_status = :status,
          last_error = null, next_attempt_at = null, sent_at = :now where id = :id""")
        .param("id", id).param("status", status).param("now", utc(now)).update();
  }

  /** A failed attempt: again at {@code nextAttempt}, or DEAD when there is none. */
  public void failed(UUID id, Integer status, String error, Instant nextAttempt) {
    String cut = error == null ? null : error.length() > 500 ? error.substring(0, 499) + "…" : error;
    jdbc.sql("""
        update notification_delivery set attempts = attempts + 1, last_status = :status, last_error = :error,
          state = case when cast(:next as timestamptz) is null then 'DEAD' else 'PENDING' end,
          next_attempt_at = :next where id = :id""")
        .param("id", id).param("status", status).param("error", cut)
        .param("next", nextAttempt == null ? null : utc(nextAttempt)).update();
  }

  /** A dead (or waiting) delivery tried again now, with a fresh count of attempts; false when it was sent. */
  public boolean retry(UUID id, Instant now) {
    return jdbc.sql("""
        update notification_delivery set state = 'PENDING', attempts = 0, next_attempt_at = :now
        where id = :id and state <> 'SENT'""").param("id", id).param("now", utc(now)).update() == 1;
  }

  public List<DeliveryView> page(String state, String channel, long offset, int limit, ZoneId zone) {
    return jdbc.sql("select " + VIEW + " from notification_delivery where (cast(:state as varchar) is null"
            + " or state = :state) and (cast(:channel as varchar) is null or channel = :channel)"
            + " order by created_at desc, id offset :offset limit :limit")
        .param("state", state).param("channel", channel).param("offset", offset).param("limit", limit)
        .query((rs, n) -> view(rs, zone)).list();
  }

  public Optional<DeliveryView> find(UUID id, ZoneId zone) {
    return jdbc.sql("select " + VIEW + " from notification_delivery where id = :id").param("id", id)
        .query((rs, n) -> view(rs, zone)).optional();
  }

  public long dead() {
    return jdbc.sql("select count(*) from notification_delivery where state = 'DEAD'").query(Long.class).single();
  }

  private static DeliveryView view(ResultSet rs, ZoneId zone) throws SQLException {
    Channel channel = Channel.valueOf(rs.getString("channel"));
    String recipient = rs.getString("recipient");
    return new DeliveryView(rs.getObject("id", UUID.class), channel.name(), rs.getString("kind"),
        shown(channel, recipient), rs.getString("subject"), rs.getString("state"),
        rs.getInt("attempts"), (Integer) rs.getObject("last_status"), rs.getString("last_error"),
        time(rs, "next_attempt_at", zone), time(rs, "created_at", zone), time(rs, "sent_at", zone));
  }

  /** Phone numbers masked; a webhook URL without its query (bot URLs carry their access token there). */
  static String shown(Channel channel, String recipient) {
    return switch (channel) {
      case SMS -> maskPhone(recipient);
      case WEBHOOK -> recipient.contains("?") ? recipient.substring(0, recipient.indexOf('?')) + "?…" : recipient;
      case EMAIL -> recipient;
    };
  }

  static String maskPhone(String phone) {
    if (phone == null || phone.length() < 7) {
      return "****";
    }
    return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
  }

  private static OffsetDateTime time(ResultSet rs, String column, ZoneId zone) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.atZoneSameInstant(zone).toOffsetDateTime();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
