package org.epicommand.tipoff.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The informant rows and the keys they are sealed under: which key ids are stored, and a batch of rows under any
 * other key than the current one decrypted and encrypted again under the current key (locked rows skipped, so two
 * runs never rewrite the same row; a row already under the current key is never touched).
 */
@Repository
public class InformantRewrite {

  private static final String[] COLUMNS = {"name", "phone", "document", "payment_account", "client_address"};

  private final JdbcClient jdbc;
  private final InformantCipher cipher;

  InformantRewrite(JdbcClient jdbc, InformantCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** The id of the key new values are sealed under. */
  public String currentKeyId() {
    return cipher.currentKeyId();
  }

  /** The key ids the encrypted rows carry. */
  public List<String> storedKeyIds() {
    return jdbc.sql("select distinct key_id from tipoff_informant where encrypted and key_id is not null")
        .query(String.class).list();
  }

  /** Stops with its cause when a stored key id has no configured key. */
  public void requireStoredKeys() {
    cipher.requireKeys(storedKeyIds());
  }

  /** Rewrites up to {@code size} rows sealed under another key under the current one (the caller's transaction). */
  public int rewriteBatch(int size) {
    String current = cipher.currentKeyId();
    record Row(UUID id, String keyId, String[] values) {}
    List<Row> rows = jdbc.sql("""
        select tipoff_id, key_id, name, phone, document, payment_account, client_address from tipoff_informant
        where encrypted and key_id is distinct from ? order by tipoff_id limit ? for update skip locked""")
        .params(current, size).query((rs, n) -> {
          String[] values = new String[COLUMNS.length];
          for (int i = 0; i < values.length; i++) {
            values[i] = rs.getString(i + 3);
          }
          return new Row(rs.getObject(1, UUID.class), rs.getString(2), values);
        }).list();
    for (Row row : rows) {
      Object[] params = new Object[COLUMNS.length + 2];
      for (int i = 0; i < COLUMNS.length; i++) {
        params[i] = cipher.encrypt(cipher.decrypt(row.values()[i], row.keyId()));
      }
      params[COLUMNS.length] = current;
      params[COLUMNS.length + 1] = row.id();
      jdbc.sql("""
          update tipoff_informant set name = ?, phone = ?, document = ?, payment_account = ?, client_address = ?,
            key_id = ? where tipoff_id = ?""").params(params).update();
    }
    return rows.size();
  }
}
