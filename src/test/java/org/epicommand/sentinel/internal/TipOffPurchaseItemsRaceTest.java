package org.epicommand.sentinel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.sentinel.internal.TipOffPurchaseItemsOrderTest.matched;
import static org.epicommand.sentinel.internal.TipOffPurchaseItemsOrderTest.tipOff;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.support.Acting;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.epicommand.tipoff.TipOff;
import org.epicommand.tipoff.TipOffApiTest;
import org.epicommand.tipoff.TipOffDesk;
import org.epicommand.tipoff.TipOffTurnedDown;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two listeners of a fever-drug tip-off's items at the same moment on threads of their own, each in a new
 * transaction of its own as the listener runs after a commit: the match's listener while the office turns the tip-off
 * down (the turn-down committed, then its listener), and, for a tip-off that stands, two handlings of its match. Round
 * after round with fresh tip-offs, the lock each listener takes per tip-off leaves no item of a turned-down tip-off
 * open, and exactly one open item for a tip-off that stands. The listener bean's own proxy hands a call to the
 * asynchronous executor (a module listener), so each thread opens the listener's transaction itself
 * ({@code REQUIRES_NEW}) around the listener's method; its lock lasts as long as that transaction.
 */
@EpiCommandTest
class TipOffPurchaseItemsRaceTest {

  private static final TipOff.Topic TOPIC = TipOff.Topic.FEVER_DRUG_PURCHASE;
  private static final int ROUNDS = 30;

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TipOffPurchaseItems listeners;
  @Autowired
  TipOffDesk desk;
  @Autowired
  ImportPrincipals principals;
  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void aTurnDownAtTheMomentOfTheMatchLeavesNoOpenItemAndAStandingTipOffHasOne() throws Exception {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    UUID buyer = UUID.fromString(People.resident("同时配驳" + tag, DemoPlaces.COMMUNITY).id(api));
    Api.Caller office = api.as(TipOffApiTest.OFFICE);
    TipOffPurchaseItems handlers = AopTestUtils.getUltimateTargetObject(listeners);
    TransactionTemplate listenerTransaction = new TransactionTemplate(transactions);
    listenerTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    List<String> leftOpen = new ArrayList<>();
    List<String> notOne = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        UUID down = tipOff(office, "药房庚" + tag + "-" + round);
        UUID stands = tipOff(office, "药房辛" + tag + "-" + round);
        CyclicBarrier start = new CyclicBarrier(3);
        List<Future<?>> done = List.of(
            threads.submit(() -> {
              start.await();
              listenerTransaction.executeWithoutResult(s -> handlers.on(matched(down, buyer)));
              return null;
            }),
            threads.submit(() -> {
              start.await();
              Acting.as(principals, TipOffApiTest.OFFICE, () -> desk.reject(down,
                  new TipOff.Refusal(TipOff.Rejection.UNFOUNDED, null, null)));
              listenerTransaction.executeWithoutResult(s -> handlers.on(
                  new TipOffTurnedDown(down, TOPIC, TipOff.State.UNSUBSTANTIATED, buyer)));
              return null;
            }),
            threads.submit(() -> {
              start.await();
              listenerTransaction.executeWithoutResult(s -> handlers.on(matched(stands, buyer)));
              listenerTransaction.executeWithoutResult(s -> handlers.on(matched(stands, buyer)));
              return null;
            }));
        for (Future<?> each : done) {
          each.get(60, TimeUnit.SECONDS);
        }
        if (count("tipoff_id = ? and state <> 'CLOSED'", down) != 0) {
          leftOpen.add("round " + round + " tip-off " + down);
        }
        if (count("tipoff_id = ? and state = 'OPEN'", stands) != 1 || count("tipoff_id = ?", stands) != 1) {
          notOne.add("round " + round + " tip-off " + stands);
        }
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(leftOpen).as("rounds that left an item of the turned-down tip-off open").isEmpty();
    assertThat(notOne).as("rounds whose standing tip-off has not exactly one open item").isEmpty();
  }

  private long count(String where, UUID tip) {
    return jdbc.sql("select count(*) from sentinel_verification where " + where).param(tip).query(Long.class)
        .single();
  }
}
