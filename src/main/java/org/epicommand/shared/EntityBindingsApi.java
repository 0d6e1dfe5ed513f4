package org.epicommand.shared;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The administrators' API of an entity-bound role, the same for every module: a module's controller
 * extends it under {@code …/{entity}} (e.g. {@code /api/v1/quarantine/site-staff/{entity}}) and hands
 * it the module's {@link EntityBindings.Keeper}; an {@link ApiAccessRule} on the path asks for USER_ADMIN.
 */
@PreAuthorize("hasAuthority('USER_ADMIN')")
public abstract class EntityBindingsApi {

  /** The body of a binding: whom to bind. */
  public record BindRequest(String username) {}

  private final EntityBindings.Keeper keeper;

  protected EntityBindingsApi(EntityBindings.Keeper keeper) {
    this.keeper = keeper;
  }

  @Operation(summary = "The users bound to the entity (an entity-bound role works only for its entities)")
  @GetMapping
  public List<EntityBindings.Binding> staff(@PathVariable String entity) {
    return keeper.staff(entity);
  }

  @Operation(summary = "Binds a user of the role: 400 when the user does not hold it, 409 when bound already")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public EntityBindings.Binding bind(@PathVariable String entity, @RequestBody BindRequest request) {
    return keeper.bind(entity, request.username());
  }

  @Operation(summary = "Takes the entity away from the user; 404 when they were not bound to it")
  @DeleteMapping("/{username}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void unbind(@PathVariable String entity, @PathVariable String username) {
    keeper.unbind(entity, username);
  }
}
