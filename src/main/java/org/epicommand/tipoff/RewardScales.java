package org.epicommand.tipoff;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reward scale per topic (奖励标准), the city's scheme as data: the standard amount a substantiated tip-off of the
 * topic is proposed at, and the most it may be. The tip-off office sets, changes and removes a topic's scale (each
 * change audited); a proposal without an amount takes the standard one, and one above the ceiling is refused. A
 * topic without a scale takes any amount up to {@link #CEILING}.
 */
@Service
public class RewardScales {

  /** The platform's ceiling of any reward, in yuan. */
  public static final BigDecimal CEILING = new BigDecimal("100000");

  static final String SUBJECT = "TIP_OFF_REWARD_SCALE";

  /** A topic's scale. */
  public record Scale(TipOff.Topic topic, BigDecimal amount, BigDecimal maxAmount, Instant updatedAt,
      String updatedBy) {}

  /** A scale to set: the standard amount and the most, in yuan. */
  public record Change(BigDecimal amount, BigDecimal maxAmount) {}

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  RewardScales(JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Every topic's scale, in the topics' order. */
  public List<Scale> list() {
    List<Scale> scales = new ArrayList<>(jdbc.sql(
        "select topic, amount, max_amount, updated_at, updated_by from tipoff_reward_scale")
        .query((rs, n) -> new Scale(TipOff.Topic.valueOf(rs.getString(1)), rs.getBigDecimal(2), rs.getBigDecimal(3),
            rs.getTimestamp(4).toInstant(), rs.getString(5))).list());
    scales.sort(java.util.Comparator.comparing(Scale::topic));
    return scales;
  }

  /** The scale of a topic, if the city set one. */
  public Optional<Scale> of(TipOff.Topic topic) {
    return list().stream().filter(s -> s.topic() == topic).findFirst();
  }

  /** Sets a topic's scale: the amount more than 0, the most at least the amount, neither above {@link #CEILING}. */
  @Transactional
  public Scale set(TipOff.Topic topic, Change change) {
    List<FieldProblem> problems = new ArrayList<>();
    BigDecimal amount = change == null ? null : change.amount();
    BigDecimal most = change == null ? null : change.maxAmount();
    if (!valid(amount)) {
      problems.add(FieldProblem.of("amount", "tipoff.amount"));
    }
    if (!valid(most) || valid(amount) && most.compareTo(amount) < 0) {
      problems.add(FieldProblem.of("maxAmount", "tipoff.maxAmount"));
    }
    if (topic == null) {
      problems.add(FieldProblem.of("topic", "tipoff.topic"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    String by = currentUser.get().username();
    jdbc.sql("""
        insert into tipoff_reward_scale (topic, amount, max_amount, updated_at, updated_by) values (?, ?, ?, ?, ?)
        on conflict (topic) do update set amount = excluded.amount, max_amount = excluded.max_amount,
          updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
        .params(topic.name(), amount, most, Timestamp.from(clock.instant()), by).update();
    audit.record(AuditAction.UPDATE, SUBJECT, topic.name(), "scale " + amount.toPlainString() + " - "
        + most.toPlainString());
    return of(topic).orElseThrow();
  }

  /** Removes a topic's scale (404 when it has none). */
  @Transactional
  public void remove(TipOff.Topic topic) {
    if (topic == null || jdbc.sql("delete from tipoff_reward_scale where topic = ?").param(topic.name()).update()
        == 0) {
      throw new RecordNotFound(SUBJECT);
    }
    audit.record(AuditAction.DELETE, SUBJECT, topic.name(), "scale removed");
  }

  /**
   * A topic as a path names it (parsed after the caller's permission was checked: a bad name from someone without it
   * is a 403, not a 400); 400 {@code topic} for an unknown one.
   */
  public static TipOff.Topic topic(String name) {
    try {
      return TipOff.Topic.valueOf(name == null ? "" : name.strip());
    } catch (IllegalArgumentException e) {
      throw new ValidationFailure(FieldProblem.of("topic", "tipoff.topic"));
    }
  }

  /** An amount in yuan: more than 0, at most {@link #CEILING}, to the fen. */
  static boolean valid(BigDecimal amount) {
    return amount != null && amount.signum() > 0 && amount.compareTo(CEILING) <= 0 && amount.scale() <= 2;
  }
}
