package org.epicommand.tipoff.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, checks that every key id the informants are stored under has a configured key (the start fails with its
 * cause otherwise), then encrypts the informants stored before encryption at rest (once each, in one transaction);
 * reads handle a row of either kind meanwhile.
 */
@Component
@Order(0)
class InformantEncryption implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(InformantEncryption.class);

  private final TipOffStore store;
  private final InformantRewrite keys;
  private final TransactionTemplate transactions;

  InformantEncryption(TipOffStore store, InformantRewrite keys, TransactionTemplate transactions) {
    this.store = store;
    this.keys = keys;
    this.transactions = transactions;
  }

  @Override
  public void run(ApplicationArguments args) {
    keys.requireStoredKeys();
    Integer done = transactions.execute(status -> store.encryptPlainInformants());
    if (done != null && done > 0) {
      log.info("Encrypted the informants of {} tip-offs stored before encryption at rest", done);
    }
  }
}
