package org.epicommand.notification.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users' own e-mail address and mobile number for copies of their notices. */
@Repository
public class RecipientContacts {

  /** A user's contact details (either may be null). */
  public record Contact(String username, String email, String phone) {}

  private final JdbcClient jdbc;

  RecipientContacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Contact> find(String username) {
    return jdbc.sql("select username, email, phone from notification_contact where username = :username")
        .param("username", username).query(Contact.class).optional();
  }

  public List<Contact> of(Collection<String> usernames) {
    if (usernames.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select username, email, phone from notification_contact where username in (:usernames)"
            + " order by username").param("usernames", usernames).query(Contact.class).list();
  }

  public void save(String username, String email, String phone, Instant now) {
    jdbc.sql("""
        insert into notification_contact (username, email, phone, updated_at) values (:username, :email, :phone, :now)
        on conflict (username) do update set email = excluded.email, phone = excluded.phone,
          updated_at = excluded.updated_at""")
        .param("username", username).param("email", email).param("phone", phone)
        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
  }
}
