package org.epicommand.shared;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.transaction.annotation.Transactional;

/**
 * A module's keeper of an entity-bound role ({@link EntityBindings}): administrators list, bind and
 * unbind its users through {@link EntityBindingsApi}. The module says which entity a key names (404
 * outside the caller's jurisdiction), who may hold the binding, and how a change is audited; binding
 * a user twice is 409, taking away a binding that is not there 404.
 */
public abstract class EntityStaff implements EntityBindings.Keeper {

  private final EntityBindings bindings;
  private final String messages;
  private final String subjectType;
  private final Clock clock;
  private final Supplier<String> administrator;

  /**
   * {@code messages}: the prefix of the module's keys ({@code <prefix>.bound} for 409,
   * {@code <prefix>.notHolder} for a user who may not hold the binding); {@code subjectType}: the 404's
   * subject; {@code administrator}: who is signed in (recorded as who bound).
   */
  protected EntityStaff(EntityBindings bindings, String messages, String subjectType, Clock clock,
      Supplier<String> administrator) {
    this.bindings = bindings;
    this.messages = messages;
    this.subjectType = subjectType;
    this.clock = clock;
    this.administrator = administrator;
  }

  /** The code of the entity a key names, inside the caller's jurisdiction; {@link RecordNotFound} otherwise. */
  protected abstract String entity(String key);

  /** Whether the user exists and holds the role the binding is for. */
  protected abstract boolean mayHold(String username);

  /** Records a change ({@code "bound alice"}, {@code "unbound alice"}) on the entity, in the change's transaction. */
  protected abstract void audit(String key, String code, String detail);

  @Override
  public List<EntityBindings.Binding> staff(String key) {
    return bindings.of(entity(key));
  }

  @Override
  @Transactional
  public EntityBindings.Binding bind(String key, String username) {
    String code = entity(key);
    String name = username == null ? "" : username.strip();
    if (!mayHold(name)) {
      throw new ValidationFailure(FieldProblem.of("username", messages + ".notHolder"));
    }
    EntityBindings.Binding binding = bindings.bind(code, name, administrator.get(), clock.instant(), messages
        + ".bound");
    audit(key, code, "bound " + name);
    return binding;
  }

  @Override
  @Transactional
  public void unbind(String key, String username) {
    String code = entity(key);
    bindings.unbind(code, username, subjectType);
    audit(key, code, "unbound " + username);
  }
}
