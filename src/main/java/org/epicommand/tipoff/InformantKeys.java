package org.epicommand.tipoff;

import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.tipoff.internal.InformantRewrite;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotating the key of the informants (docs/operations.md): after a new current key is configured, the office has
 * every informant sealed under an older key decrypted and encrypted again under the current one, in batches of
 * {@value #BATCH}, each batch in a transaction of its own with its audit event. Idempotent: rows already under the
 * current key are left alone, so a second run rewrites nothing.
 */
@Service
public class InformantKeys {

  static final int BATCH = 500;

  /** What a run did: the current key's id, how many informants it rewrote, in how many batches. */
  public record Rotation(String keyId, int rewritten, int batches) {}

  private final InformantRewrite rewrite;
  private final TransactionTemplate transactions;
  private final AuditTrail audit;
  private final CurrentUser currentUser;

  InformantKeys(InformantRewrite rewrite, TransactionTemplate transactions, AuditTrail audit, CurrentUser currentUser) {
    this.rewrite = rewrite;
    this.transactions = transactions;
    this.audit = audit;
    this.currentUser = currentUser;
  }

  /** Re-encrypts every informant sealed under another key than the current one. */
  public Rotation reencrypt() {
    String user = currentUser.get().username();
    String keyId = rewrite.currentKeyId();
    int total = 0;
    int batches = 0;
    while (true) {
      Integer done = transactions.execute(status -> {
        int rows = rewrite.rewriteBatch(BATCH);
        if (rows > 0) {
          audit.recordAs(user, AuditAction.UPDATE, TipOffs.INFORMANT, keyId, "re-encrypted " + rows
              + " informants under key " + keyId);
        }
        return rows;
      });
      if (done == null || done == 0) {
        break;
      }
      total += done;
      batches++;
    }
    return new Rotation(keyId, total, batches);
  }
}
