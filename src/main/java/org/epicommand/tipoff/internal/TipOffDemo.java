package org.epicommand.tipoff.internal;

import java.math.BigDecimal;
import java.util.UUID;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.tipoff.ConcealmentCase;
import org.epicommand.tipoff.ConcealmentCases;
import org.epicommand.tipoff.RewardScales;
import org.epicommand.tipoff.TipOff;
import org.epicommand.tipoff.TipOffDesk;
import org.epicommand.tipoff.TipOffs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's tip-offs, made once through the same facades the pages and the API use: the demo
 * account {@code tipoff} (the tip-off office, the city) and four tip-offs in 东湖区 — one from the public
 * form waiting for triage, a hotline call about concealed travel assigned to the first community, a
 * gathering the community found true with a reward proposed, and a duplicate turned down. Keyed by the
 * account.
 */
@Component
@Order(36)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class TipOffDemo implements ApplicationRunner {

  static final String OFFICE = "tipoff";
  private static final Logger log = LoggerFactory.getLogger(TipOffDemo.class);
  private static final String COMMUNITY = "990101001001";

  private final TipOffs tipOffs;
  private final TipOffDesk desk;
  private final ConcealmentCases cases;
  private final RewardScales scales;
  private final UserAdministration users;
  private final ImportPrincipals principals;
  private final TransactionTemplate transactions;

  TipOffDemo(TipOffs tipOffs, TipOffDesk desk, ConcealmentCases cases, RewardScales scales,
      UserAdministration users, ImportPrincipals principals, TransactionTemplate transactions) {
    this.scales = scales;
    this.tipOffs = tipOffs;
    this.cases = cases;
    this.desk = desk;
    this.users = users;
    this.principals = principals;
    this.transactions = transactions;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (users.findByUsername(OFFICE).isPresent()) {
      return;
    }
    try {
      transactions.executeWithoutResult(status -> users.createDemoAccount(OFFICE, "举报受理办公室", "demo1234",
          Role.TIP_OFF_OFFICE, "990100"));
      seed();
      log.info("Demo tip-offs seeded");
    } catch (RuntimeException e) {
      log.warn("Demo tip-offs not seeded: {}", e.toString());
    }
  }

  private void seed() {
    as(OFFICE, () -> {
      scale(TipOff.Topic.CONCEALED_TRAVEL, "1000", "5000");
      scale(TipOff.Topic.CONCEALED_SYMPTOMS, "1000", "5000");
      scale(TipOff.Topic.GATHERING, "500", "2000");
      scale(TipOff.Topic.PRICE_GOUGING, "300", "2000");
    });
    transactions.executeWithoutResult(status -> tipOffs.submit(new TipOff.New(TipOff.Channel.PUBLIC_FORM,
        TipOff.Topic.FEVER_DRUG_PURCHASE, "戴眼镜的中年男子", "东湖路 18 号百姓大药房门口", COMMUNITY,
        "有人在药店门口转手倒卖退烧药，不登记、不测体温，连续两天都在。", null, null, null, null), null));
    UUID[] travel = new UUID[1];
    UUID[] gathering = new UUID[1];
    as(OFFICE, () -> {
      travel[0] = tipOffs.record(new TipOff.New(TipOff.Channel.HOTLINE, TipOff.Topic.CONCEALED_TRAVEL, "3 号楼 2 单元住户",
          "幸福小区 3 号楼 2 单元", COMMUNITY, "12345 转来：该住户上周从外地中风险地区返回，未向社区报备，也未做核酸检测。",
          "王女士", "13800138000", null, "微信 wang-nvshi")).id();
      desk.assign(travel[0], new TipOff.Assignment(null, "请 24 小时内上门核实"));
      gathering[0] = tipOffs.record(new TipOff.New(TipOff.Channel.HOTLINE, TipOff.Topic.GATHERING, "棋牌室",
          "东湖路 66 号棋牌室", COMMUNITY, "棋牌室每晚十余人聚集打牌，未戴口罩、未扫场所码。", "李先生", "13900139001", null, null))
          .id();
      desk.assign(gathering[0], new TipOff.Assignment(null, null));
      UUID again = tipOffs.record(new TipOff.New(TipOff.Channel.LETTER, TipOff.Topic.GATHERING, "棋牌室",
          "东湖路 66 号", COMMUNITY, "来信反映同一棋牌室聚集打牌。", null, null, null, null)).id();
      desk.reject(again, new TipOff.Refusal(TipOff.Rejection.DUPLICATE, gathering[0], "与热线举报为同一事项"));
    });
    as("community", () -> desk.verify(gathering[0], new TipOff.Verification(TipOff.Outcome.CONFIRMED,
        "现场核实：当晚 12 人聚集，已责令停业整改。")));
    as(OFFICE, () -> desk.proposeReward(gathering[0], new TipOff.Reward(new BigDecimal("500"), "按有奖举报办法")));
    as(OFFICE, () -> {
      UUID hidden = cases.open(new ConcealmentCase.New(null, "赵某", TipOff.Concealed.TRAVEL, COMMUNITY,
          "入户排查时自述近 14 天未离开本市；通信行程卡显示 5 天前曾到外省中风险地区。", "入户排查第 7 号问题")).id();
      cases.refer(hidden, new ConcealmentCase.Referral(TipOff.ReferredTo.PUBLIC_SECURITY, "治安管理处罚法第五十条"));
      cases.open(new ConcealmentCase.New(null, "钱某", TipOff.Concealed.SYMPTOMS, COMMUNITY,
          "发热两天自行服用退烧药，社区健康监测时未如实报告。", null));
    });
  }

  private void scale(TipOff.Topic topic, String amount, String most) {
    scales.set(topic, new RewardScales.Change(new BigDecimal(amount), new BigDecimal(most)));
  }

  /** Runs the work as the user, in a transaction of its own. */
  private void as(String username, Runnable work) {
    principals.runAs(username, () -> transactions.executeWithoutResult(status -> work.run()));
  }
}
