package org.epicommand.tipoff;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.StateFilter;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tipoff.TipOff.State;
import org.epicommand.tipoff.internal.TipOffStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tip-offs coming in and being read: the public form (no login, a receipt number to follow the status
 * by), the office's entries from the hotline, letters and visits, the lists and the record. The office
 * sees every tip-off of its jurisdiction, anyone else those assigned to a community inside theirs; who
 * informed only the office ({@link #informant}); every read of a record and every entry is audited.
 */
@Service
public class TipOffs {

  static final String INFORMANT = "TIP_OFF_INFORMANT";
  private static final char[] RECEIPT_CHARACTERS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

  private final TipOffStore store;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  TipOffs(TipOffStore store, Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** A tip-off from the public form; what the informant is told: the receipt number and the status. */
  @Transactional
  public TipOff.Status submit(TipOff.New tip, String clientAddress) {
    Jurisdiction place = validate(tip, false, null);
    String receipt = receipt();
    UUID id = store(tip, receipt, TipOff.Channel.PUBLIC_FORM, place, "public", clientAddress);
    audit.recordAs("public", AuditAction.CREATE, TipOffStore.SUBJECT, id.toString(), tip.topic().name());
    return store.status(receipt).orElseThrow();
  }

  /** A tip-off the office enters (hotline 12345, a letter, in person) inside its jurisdiction. */
  @Transactional
  public TipOff record(TipOff.New tip) {
    UserContext user = currentUser.get();
    Jurisdiction place = validate(tip, true, user.scope());
    UUID id = store(tip, receipt(), tip.channel(), place, user.username(), null);
    audit.record(AuditAction.CREATE, TipOffStore.SUBJECT, id.toString(), tip.channel() + " " + tip.topic());
    return store.find(id, user.scope(), true, clock.instant());
  }

  /** What a receipt number tells: the status only; 404 for a number that does not exist. */
  public TipOff.Status status(String receipt) {
    String number = receipt == null ? "" : receipt.strip().toUpperCase(java.util.Locale.ROOT);
    return store.status(number).orElseThrow(() -> new RecordNotFound(TipOffStore.SUBJECT));
  }

  /**
   * The tip-offs the caller may see (narrowed to a division inside their jurisdiction): state OPEN (the
   * default: received or waiting for verification), VERIFICATION (waiting for it), one state or ALL; one
   * topic; overdue only if asked.
   */
  public PageResult<TipOff> list(String jurisdiction, String state, TipOff.Topic topic, boolean overdue,
      Paging paging) {
    UserContext user = currentUser.get();
    JurisdictionScope within = jurisdictions.narrow(user.scope(), jurisdiction);
    List<State> states;
    if (state == null || state.isBlank() || "OPEN".equalsIgnoreCase(state.strip())) {
      states = List.of(State.RECEIVED, State.ASSIGNED, State.VERIFYING);
    } else if ("VERIFICATION".equalsIgnoreCase(state.strip())) {
      states = List.of(State.ASSIGNED, State.VERIFYING);
    } else {
      State chosen = StateFilter.parse(state, State.class, null);
      states = chosen == null ? Arrays.asList(State.values()) : List.of(chosen);
    }
    return paging.toResult(store.list(within, office(user), states, topic, overdue, clock.instant(), paging), null);
  }

  /** A tip-off the caller may see (404 otherwise); the read is audited. */
  @Transactional
  public TipOff get(UUID id) {
    UserContext user = currentUser.get();
    TipOff found = store.find(id, user.scope(), office(user), clock.instant());
    audit.record(AuditAction.READ, TipOffStore.SUBJECT, id.toString(), null);
    return found;
  }

  /**
   * The state a tip-off is in now, whatever the scope: only for work the platform does on its own behalf (a listener
   * that must not act on a tip-off turned down since the event it handles), never for answering a user; empty for an
   * unknown id. Nothing personal, not audited.
   */
  public java.util.Optional<State> stateForPlatform(UUID id) {
    return store.state(id);
  }

  /** Who informed: the tip-off office alone (404 for anyone else, as if there were none); audited. */
  @Transactional
  public TipOff.Informant informant(UUID id) {
    UserContext user = currentUser.get();
    if (!user.has(Permission.TIPOFF_INFORMANT)) {
      throw new RecordNotFound(INFORMANT);
    }
    store.find(id, user.scope(), true, clock.instant());
    TipOff.Informant who = store.informant(id).orElse(new TipOff.Informant(id, null, null, null, null, null, true));
    audit.record(AuditAction.READ, INFORMANT, id.toString(), null);
    return who;
  }

  static boolean office(UserContext user) {
    return user.has(Permission.TIPOFF_MANAGE);
  }

  private UUID store(TipOff.New tip, String receipt, TipOff.Channel channel, Jurisdiction place, String by,
      String clientAddress) {
    UUID id = UUID.randomUUID();
    String name = blank(tip.informantName()) ? null : tip.informantName().strip();
    String phone = blank(tip.informantPhone()) ? null : PhoneNumbers.normalize(tip.informantPhone());
    Instant now = clock.instant();
    store.insert(new TipOffStore.Insert(id, receipt, channel, tip.topic(), strip(tip.subject()), tip.address().strip(),
        tip.description().strip(), place.code(), place.name(), place.path(), name == null && phone == null, now, by));
    store.insertInformant(id, new TipOff.Informant(id, name, phone, strip(tip.informantDocument()),
        strip(tip.informantPaymentAccount()), clientAddress, name == null && phone == null));
    return id;
  }

  private String receipt() {
    char[] chars = new char[10];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = RECEIPT_CHARACTERS[random.nextInt(RECEIPT_CHARACTERS.length)];
    }
    return "JB" + new String(chars);
  }

  /** Every field's problems at once; the place of the tip-off (a community or grid, inside {@code scope}). */
  private Jurisdiction validate(TipOff.New tip, boolean staff, JurisdictionScope scope) {
    if (tip == null) {
      throw new ValidationFailure(FieldProblem.of("topic", "tipoff.topic"));
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (staff && (tip.channel() == null || tip.channel() == TipOff.Channel.PUBLIC_FORM)) {
      problems.add(FieldProblem.of("channel", "tipoff.channel"));
    }
    if (tip.topic() == null) {
      problems.add(FieldProblem.of("topic", "tipoff.topic"));
    }
    text(problems, "subject", tip.subject(), false, 200);
    text(problems, "address", tip.address(), true, 200);
    text(problems, "description", tip.description(), true, 2000);
    text(problems, "informantName", tip.informantName(), false, 50);
    text(problems, "informantDocument", tip.informantDocument(), false, 40);
    text(problems, "informantPaymentAccount", tip.informantPaymentAccount(), false, 60);
    if (!blank(tip.informantPhone()) && PhoneNumbers.normalize(tip.informantPhone()) == null) {
      problems.add(FieldProblem.of("informantPhone", "tipoff.phone"));
    }
    Jurisdiction place = community(tip.jurisdictionCode(), scope);
    if (place == null) {
      problems.add(FieldProblem.of("jurisdictionCode", "tipoff.place"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return place;
  }

  /** A community (or a grid) by code, inside the scope when one is given; null otherwise. */
  Jurisdiction community(String code, JurisdictionScope scope) {
    if (blank(code)) {
      return null;
    }
    return jurisdictions.find(code.strip())
        .filter(j -> j.level() == JurisdictionLevel.VILLAGE || j.level() == JurisdictionLevel.GRID)
        .filter(j -> scope == null || scope.contains(j.path())).orElse(null);
  }

  static void text(List<FieldProblem> problems, String field, String value, boolean required, int max) {
    if (required && blank(value)) {
      problems.add(FieldProblem.of(field, "tipoff.required"));
    } else if (!blank(value) && value.strip().length() > max) {
      problems.add(FieldProblem.of(field, "tipoff.tooLong", max));
    }
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  static String strip(String value) {
    return blank(value) ? null : value.strip();
  }
}
