package org.epicommand.account.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.epicommand.shared.FieldProblem;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The password policy ({@code epicommand.account.password.*}): length, character classes, no reuse
 * of the last few passwords, expiry.
 */
@Component
public class PasswordPolicy {

  private static final int MAX_LENGTH = 128;

  private final AccountProperties.Password rules;
  private final UserAccess users;
  private final PasswordEncoder encoder;

  PasswordPolicy(AccountProperties properties, UserAccess users, PasswordEncoder encoder) {
    this.rules = properties.password();
    this.users = users;
    this.encoder = encoder;
  }

  /** What the policy asks for a new password of {@code userId} (null: a new account), as problems of {@code field}. */
  public List<FieldProblem> check(String field, String password, UUID userId) {
    if (!strong(password)) {
      return List.of(FieldProblem.of(field, "user.passwordPolicy", describeArgs()));
    }
    if (userId != null && rules.history() > 0
        && users.lastPasswordHashes(userId, rules.history()).stream().anyMatch(hash -> encoder.matches(password,
            hash))) {
      return List.of(FieldProblem.of(field, "user.passwordReused", rules.history()));
    }
    return List.of();
  }

  /** The arguments of {@code error.user.passwordPolicy}: the length and the character classes. */
  public Object[] describeArgs() {
    return new Object[] {rules.minLength(),
        new DefaultMessageSourceResolvable("user.password.classes." + rules.characterClasses())};
  }

  /** How long a password is valid; zero: for ever. */
  public Duration expiry() {
    return rules.expiry();
  }

  private boolean strong(String password) {
    if (password == null || password.length() < rules.minLength() || password.length() > MAX_LENGTH) {
      return false;
    }
    boolean letters = password.chars().anyMatch(Character::isLetter);
    boolean digits = password.chars().anyMatch(Character::isDigit);
    boolean others = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
    return switch (rules.characterClasses()) {
      case 1 -> letters;
      case 2 -> letters && digits;
      default -> letters && digits && others;
    };
  }
}
