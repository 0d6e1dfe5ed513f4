package org.epicommand.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.notification.internal.RecipientContacts;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's own e-mail address and mobile number, where copies of notices go (when configured). */
@Service
public class NotificationContacts {

  /** What the user gave (either may be null). */
  public record Contact(String email, String phone) {}

  static final String EMAIL = "[^@\\s<>\"]{1,64}@[A-Za-z0-9.-]{1,120}\\.[A-Za-z]{2,24}";
  static final String PHONE = "\\+?[0-9]{6,20}";

  private final RecipientContacts store;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  NotificationContacts(RecipientContacts store, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.store = store;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  public Contact mine() {
    return store.find(currentUser.get().username()).map(c -> new Contact(c.email(), c.phone()))
        .orElse(new Contact(null, null));
  }

  /** Sets (blank: clears) the caller's address and number; 400 with the field on a malformed one. */
  @Transactional
  public Contact update(String email, String phone) {
    String mail = blankToNull(email);
    String mobile = blankToNull(phone == null ? null : phone.replaceAll("[\\s-]", ""));
    List<FieldProblem> problems = new ArrayList<>();
    if (mail != null && (mail.length() > 200 || !mail.matches(EMAIL))) {
      problems.add(FieldProblem.of("email", "notification.contact.email"));
    }
    if (mobile != null && !mobile.matches(PHONE)) {
      problems.add(FieldProblem.of("phone", "notification.contact.phone"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    String me = currentUser.get().username();
    store.save(me, mail, mobile, clock.instant());
    audit.record(AuditAction.UPDATE, "USER", me, "notification contact details changed");
    return new Contact(mail, mobile);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
