package org.epicommand.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.internal.AccountDuties;
import org.epicommand.account.internal.CachingAuthenticationProvider;
import org.epicommand.account.internal.LoginThrottle;
import org.epicommand.account.internal.PasswordPolicy;
import org.epicommand.account.internal.UserAccess;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, editing, disabling users, resetting passwords and unlocking accounts, under the
 * separation of duties ({@link AccountDuties}); every change is audited, and every change that
 * matters for access ends the account's sessions.
 */
@Service
public class UserAdministration {

  /** A user as the API and the admin pages show it; never with a password. */
  public record UserView(String id, String username, String displayName, Set<Role> roles, String jurisdictionCode,
      boolean enabled, boolean locked, boolean mustChangePassword) {

    /** Holds one of the three administrator roles. */
    public boolean administrator() {
      return roles.stream().anyMatch(Role::administrator);
    }
  }

  private final UserAccess users;
  private final CachingAuthenticationProvider logins;
  private final LoginThrottle throttle;
  private final AccountDuties duties;
  private final PasswordPolicy policy;
  private final Jurisdictions jurisdictions;
  private final PasswordEncoder passwords;
  private final AuditTrail audit;
  private final Clock clock;

  UserAdministration(UserAccess users, CachingAuthenticationProvider logins, LoginThrottle throttle,
      AccountDuties duties, PasswordPolicy policy, Jurisdictions jurisdictions, PasswordEncoder passwords,
      AuditTrail audit, Clock clock) {
    this.users = users;
    this.logins = logins;
    this.throttle = throttle;
    this.duties = duties;
    this.policy = policy;
    this.jurisdictions = jurisdictions;
    this.passwords = passwords;
    this.audit = audit;
    this.clock = clock;
  }

  /** A new account: staff roles by the system administrator, an administrator role by the security administrator. */
  @Transactional
  public UserView create(String username, String displayName, String password, Set<Role> roles,
      String jurisdictionCode) {
    List<FieldProblem> problems = new ArrayList<>();
    if (username == null || !username.matches("[A-Za-z0-9_.-]{3,64}")) {
      problems.add(FieldProblem.of("username", "user.username"));
    }
    problems.addAll(policy.check("password", password, null));
    checkDisplayName(displayName, problems);
    checkRolesAndJurisdiction(roles, jurisdictionCode, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    duties.mayCreate(roles);
    users.findByUsername(username).ifPresent(existing -> {
      throw Conflict.duplicate("user.duplicate", existing.id().toString());
    });
    UUID id = UUID.randomUUID();
    users.insert(id, username, displayName, passwords.encode(password), roles,
        jurisdictions.find(jurisdictionCode).orElseThrow().code(), clock.instant(), false, false);
    audit.record(AuditAction.CREATE, "USER", id.toString(), "username=" + username + " roles=" + roles
        + " jurisdiction=" + jurisdictionCode);
    return view(id);
  }

  /**
   * One of the first administrators of a new installation (outside demo mode): placed at the root
   * division when there is one, otherwise without a home jurisdiction until the first divisions
   * import creates the root. A generated password must be changed at the first login.
   */
  @Transactional
  public UserView createFirstAdministrator(String username, String displayName, String password, Role role,
      String rootCode, boolean mustChangePassword) {
    List<FieldProblem> problems = new ArrayList<>(policy.check("password", password, null));
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    UUID id = UUID.randomUUID();
    users.insert(id, username, displayName, passwords.encode(password), Set.of(role), rootCode, clock.instant(),
        mustChangePassword, false);
    audit.record(AuditAction.CREATE, "USER", id.toString(), "first " + role + " " + username
        + (rootCode == null ? " (no division yet)" : " jurisdiction=" + rootCode));
    return view(id);
  }

  /**
   * Demo mode only: an account with the published demo password, which is shorter than the
   * password policy allows and never expires (docs/api.md, "Demo mode").
   */
  @Transactional
  public UserView createDemoAccount(String username, String displayName, String password, Role role,
      String jurisdictionCode) {
    UUID id = UUID.randomUUID();
    users.insert(id, username, displayName, passwords.encode(password), Set.of(role), jurisdictionCode,
        clock.instant(), false, true);
    audit.record(AuditAction.CREATE, "USER", id.toString(), "demo account " + username);
    return view(id);
  }

  /**
   * Demo mode only: a demo account made before passwords expired keeps its published password valid
   * (restarts on an older demo data directory).
   */
  @Transactional
  public void keepDemoPasswordValid(String username) {
    users.neverExpire(username);
  }

  @Transactional
  public UserView update(UUID id, String displayName, Set<Role> roles, String jurisdictionCode, boolean enabled) {
    UserAccess.StoredUser existing = users.findById(id).orElseThrow(() -> new RecordNotFound("user"));
    List<FieldProblem> problems = new ArrayList<>();
    checkDisplayName(displayName, problems);
    checkRolesAndJurisdiction(roles, jurisdictionCode, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    duties.mayChange(existing, roles);
    users.update(id, displayName, roles, jurisdictions.find(jurisdictionCode).orElseThrow().code(), enabled,
        clock.instant());
    logins.forget(existing.username());
    audit.record(AuditAction.UPDATE, "USER", id.toString(), "username=" + existing.username() + " roles=" + roles
        + " jurisdiction=" + jurisdictionCode + " enabled=" + enabled);
    return view(id);
  }

  /** A new password chosen by an administrator: it must be changed at the next login. */
  @Transactional
  public void resetPassword(UUID id, String password) {
    UserAccess.StoredUser existing = users.findById(id).orElseThrow(() -> new RecordNotFound("user"));
    List<FieldProblem> problems = new ArrayList<>(policy.check("password", password, id));
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    duties.mayResetPassword(existing);
    users.setPassword(id, passwords.encode(password), true, clock.instant());
    logins.forget(existing.username());
    audit.record(AuditAction.UPDATE, "USER", id.toString(), "username=" + existing.username()
        + " password reset (to be changed at the next login)");
  }

  /** Lifts the account's lock-out from every client address (security administrator). */
  @Transactional
  public UserView unlock(UUID id) {
    UserAccess.StoredUser existing = users.findById(id).orElseThrow(() -> new RecordNotFound("user"));
    duties.mayManageAccess(existing);
    int blocks = throttle.unlock(existing.username());
    audit.record(AuditAction.UPDATE, "USER", id.toString(), "username=" + existing.username() + " unlocked ("
        + blocks + " client addresses)");
    return view(id);
  }

  public PageResult<UserView> list(String search, Paging paging) {
    String term = search == null || search.isBlank() ? null : search.strip();
    List<UserView> rows = users.page(term, paging.offset(), paging.fetchSize()).stream().map(this::view).toList();
    return paging.toResult(rows, users.count(term));
  }

  public UserView get(UUID id) {
    return view(id);
  }

  public Optional<UserView> findByUsername(String username) {
    return users.findByUsername(username).map(this::view);
  }

  /** Enabled users of a home jurisdiction holding any of the roles (e.g. to address a notice). */
  public List<String> usernamesWith(String jurisdictionCode, Set<Role> roles) {
    return users.usernamesWith(jurisdictionCode, roles);
  }

  public long count() {
    return users.count();
  }

  /** Whether an enabled account holds the role (e.g. is there a security administrator yet). */
  public boolean anyoneHolds(Role role) {
    return users.anyoneHolds(role);
  }

  private UserView view(UUID id) {
    return users.findById(id).map(this::view).orElseThrow(() -> new RecordNotFound("user"));
  }

  private UserView view(UserAccess.StoredUser user) {
    return new UserView(user.id().toString(), user.username(), user.displayName(), user.roles(),
        user.jurisdictionCode(), user.enabled(), throttle.locked(user.username()), user.mustChangePassword());
  }

  private static void checkDisplayName(String displayName, List<FieldProblem> problems) {
    if (displayName != null && displayName.length() > 100) {
      problems.add(FieldProblem.of("displayName", "user.displayName"));
    }
  }

  private void checkRolesAndJurisdiction(Set<Role> roles, String jurisdictionCode, List<FieldProblem> problems) {
    if (roles == null || roles.isEmpty()) {
      problems.add(FieldProblem.of("roles", "user.roles"));
    }
    AccountDuties.checkExclusive(roles, problems);
    if (jurisdictionCode == null || jurisdictions.find(jurisdictionCode).isEmpty()) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    }
  }
}
