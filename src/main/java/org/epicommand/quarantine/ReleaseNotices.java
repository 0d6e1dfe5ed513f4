package org.epicommand.quarantine;

import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PersonRegistry;
import org.epicommand.quarantine.QuarantineOrder.PhaseStatus;
import org.epicommand.quarantine.internal.Order;
import org.epicommand.quarantine.internal.OrderStore;
import org.epicommand.quarantine.internal.ReleaseNotice;
import org.epicommand.quarantine.internal.ReleaseNoticePdf;
import org.epicommand.shared.Masking;
import org.epicommand.shared.RecordNotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The release notice (解除隔离告知书) of a released order as a PDF: an official paper in Chinese,
 * whatever the reader's language. Producing it reads the person's record and is audited.
 */
@Service
public class ReleaseNotices {

  private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private final OrderStore orders;
  private final RuleSets ruleSets;
  private final PersonRegistry persons;
  private final Jurisdictions jurisdictions;
  private final ReleaseNoticePdf pdf;
  private final MessageSource messages;
  private final SiteStaff staff;
  private final AuditTrail audit;
  private final Clock clock;

  ReleaseNotices(OrderStore orders, RuleSets ruleSets, PersonRegistry persons, Jurisdictions jurisdictions,
      ReleaseNoticePdf pdf, MessageSource messages, SiteStaff staff, AuditTrail audit, Clock clock) {
    this.orders = orders;
    this.ruleSets = ruleSets;
    this.persons = persons;
    this.jurisdictions = jurisdictions;
    this.pdf = pdf;
    this.messages = messages;
    this.staff = staff;
    this.audit = audit;
    this.clock = clock;
  }

  /** The notice of a released order in the caller's jurisdiction; 409 while it is not released. */
  @Transactional
  public byte[] render(UUID orderId) {
    OrderStore.Row row = orders.find(orderId, staff.reach())
        .orElseThrow(() -> new RecordNotFound(QuarantineOrders.SUBJECT));
    Order.of(row).requireReleased();
    String idNumber = Masking.documentNumber(persons.get(row.personId()).idNumber());
    audit.record(AuditAction.EXPORT, QuarantineOrders.SUBJECT, orderId.toString(), "release notice");
    List<ReleaseNotice.Phase> phases = orders.phases(orderId).stream().filter(p -> p.status() != PhaseStatus.SKIPPED)
        .map(p -> new ReleaseNotice.Phase(label("qp.regime." + p.regime()), p.startDate(), p.endDate())).toList();
    List<ReleaseNotice.TestResult> tests = orders.tests(orderId).stream().filter(t -> t.status().hasResult())
        .map(t -> new ReleaseNotice.TestResult(t.date(), label("qp.testStatus." + t.status()))).toList();
    List<Jurisdiction> ancestry = jurisdictions.ancestry(row.jurisdictionCode());
    String city = ancestry.stream().filter(j -> j.level() == JurisdictionLevel.CITY).map(Jurisdiction::name)
        .findFirst().orElse("");
    String issuer = ancestry.stream().filter(j -> j.level() == JurisdictionLevel.COUNTY).map(Jurisdiction::name)
        .findFirst().orElse(city) + "疫情防控指挥部";
    String ruleSet = ruleSets.find(row.ruleSet()).map(RuleSet::nameZh).orElse(row.ruleSet());
    LocalDate released = orders.endedAt(orderId).atZoneSameInstant(clock.getZone()).toLocalDate();
    return pdf.render(new ReleaseNotice(row.personName(), idNumber, orderId.toString(),
        label("qp.reason." + row.reason()), ruleSet, row.anchorDate(), phases, tests, released, issuer, city));
  }

  private String label(String key) {
    return messages.getMessage(key, null, key, CHINESE);
  }
}
