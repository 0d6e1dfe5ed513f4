package org.epicommand.vaccination.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.person.PersonLookup;
import org.epicommand.person.PersonReference;
import org.springframework.stereotype.Component;

/** The registry's persons as this module needs them: inside the caller's jurisdiction (else none), with birth dates and
 * names. */
@Component
public class PersonsInScope {

  private final PersonLookup lookup;
  private final CurrentUser currentUser;

  PersonsInScope(PersonLookup lookup, CurrentUser currentUser) {
    this.lookup = lookup;
    this.currentUser = currentUser;
  }

  /** Where the person lives and when they were born, when they live inside the caller's jurisdiction. */
  public Optional<PersonLookup.Born> find(UUID id) {
    if (id == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(lookup.bornByIds(java.util.List.of(id)).get(id))
        .filter(p -> currentUser.get().scope().contains(p.jurisdictionPath()));
  }

  /** Who the persons are (name, division) for a page of records, as far as they live inside the caller's jurisdiction.
   * */
  public Map<UUID, PersonReference> names(Collection<UUID> ids) {
    return lookup.byIds(ids, currentUser.get().scope());
  }
}
