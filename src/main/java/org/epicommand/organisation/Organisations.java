package org.epicommand.organisation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.organisation.internal.ContactBindings;
import org.epicommand.organisation.internal.OrganisationBook;
import org.epicommand.organisation.internal.OrganisationRow;
import org.epicommand.organisation.internal.DirectoryStore;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.springframework.stereotype.Service;

/**
 * The organisation directory: list, read, register, correct, retire and take back organisations inside
 * the caller's {@linkplain #scopeOf scope} — their jurisdiction, or for an organisation's contact that
 * organisation alone. An organisation is named by its id or its credit code; one outside the scope
 * answers 404.
 */
@Service
public class Organisations {

  static final int COUNT_CAP = 10_000;

  /** Which organisations a list shows (null: no filter); {@code query}: the exact credit code or part of the name. */
  public record Filter(String jurisdiction, OrganisationKind kind, Sector sector, Boolean active, String query) {}

  private final DirectoryStore store;
  private final OrganisationBook book;
  private final ContactBindings contacts;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;

  Organisations(DirectoryStore store, OrganisationBook book, ContactBindings contacts, Jurisdictions jurisdictions,
      CurrentUser currentUser) {
    this.store = store;
    this.book = book;
    this.contacts = contacts;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
  }

  /**
   * What of the platform's organisation-bound work the user reaches: an organisation's contact their
   * organisation alone (nothing while unbound), everyone else their jurisdiction. Modules keeping records
   * of organisations put the organisation's path on them and scope by this.
   */
  public JurisdictionScope scopeOf(UserContext user) {
    if (!ContactBindings.bound(user)) {
      return user.scope();
    }
    return contacts.organisationOf(user.username()).flatMap(store::findByCode)
        .map(row -> new JurisdictionScope(row.creditCode(), row.path())).orElse(JurisdictionScope.NOWHERE);
  }

  /** The organisation an organisation's contact is bound to (empty for everyone else). */
  public Optional<OrganisationSnapshot> boundOrganisation(UserContext user) {
    if (!ContactBindings.bound(user)) {
      return Optional.empty();
    }
    return contacts.organisationOf(user.username()).flatMap(store::findByCode).map(OrganisationRow::snapshot);
  }

  public PageResult<Organisation> list(Filter filter, Paging paging) {
    JurisdictionScope scope = jurisdictions.narrow(scopeOf(currentUser.get()), filter.jurisdiction());
    String query = filter.query() == null || filter.query().isBlank() ? null : filter.query().strip();
    DirectoryStore.Filter where = new DirectoryStore.Filter(scope, filter.kind(), filter.sector(),
        filter.active(), query);
    List<OrganisationRow> rows = store.list(where, paging.offset(), paging.fetchSize());
    Map<String, String> names = names(rows.stream().map(r -> r.data().jurisdictionCode()).toList());
    long total = store.count(where, COUNT_CAP);
    return paging.toResult(rows.stream().map(r -> view(r, names)).toList(), total > COUNT_CAP ? null : total);
  }

  /** An organisation inside the caller's scope, by id or credit code; 404 otherwise. */
  public Organisation get(String key) {
    OrganisationRow row = row(key);
    return view(row, names(List.of(row.data().jurisdictionCode())));
  }

  /** The organisation as other modules keep it, inside the caller's scope (404 otherwise). */
  public OrganisationSnapshot snapshot(String key) {
    return row(key).snapshot();
  }

  /**
   * An organisation by id or credit code, whatever the scope: only for work the platform does on its own
   * behalf (event listeners, a target the caller's own scope check follows), never for answering a user.
   */
  public Optional<OrganisationSnapshot> findForPlatform(String key) {
    return lookup(key).map(OrganisationRow::snapshot);
  }

  /** Organisations by credit code, whatever the scope (one query; for an import batch, which checks scope itself). */
  public Map<String, OrganisationSnapshot> findForPlatform(Collection<String> creditCodes) {
    Map<String, OrganisationSnapshot> found = new HashMap<>();
    store.findByCodes(creditCodes).forEach(row -> found.put(row.creditCode(), row.snapshot()));
    return found;
  }

  public Organisation create(OrganisationDetails details) {
    OrganisationRow row = book.create(details);
    return view(row, names(List.of(row.data().jurisdictionCode())));
  }

  /** Corrects everything but the credit code. */
  public Organisation update(String key, OrganisationDetails details) {
    OrganisationRow row = book.update(row(key), details);
    return view(row, names(List.of(row.data().jurisdictionCode())));
  }

  /** Retires: its history stays readable, it leaves pickers and the board, new work is refused (409). */
  public Organisation retire(String key) {
    OrganisationRow row = book.retire(row(key));
    return view(row, names(List.of(row.data().jurisdictionCode())));
  }

  public Organisation reactivate(String key) {
    OrganisationRow row = book.reactivate(row(key));
    return view(row, names(List.of(row.data().jurisdictionCode())));
  }

  /** The contacts bound to an organisation (for notices about it). */
  public List<String> contactsOf(String creditCode) {
    return contacts.contactsOf(creditCode);
  }

  /** The contacts of many organisations in one query, by credit code (an organisation without any is absent). */
  public Map<String, List<String>> contactsOf(Collection<String> creditCodes) {
    return contacts.contactsOf(creditCodes);
  }

  /** Active organisations inside the caller's scope (the setup page, the home card). */
  public long countActive() {
    return store.countActive(scopeOf(currentUser.get()));
  }

  private OrganisationRow row(String key) {
    JurisdictionScope scope = scopeOf(currentUser.get());
    return lookup(key).filter(row -> scope.contains(row.path())).orElseThrow(() -> new RecordNotFound("organisation"));
  }

  private Optional<OrganisationRow> lookup(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    String text = key.strip();
    try {
      return store.find(UUID.fromString(text));
    } catch (IllegalArgumentException notAnId) {
      return CreditCode.parse(text).flatMap(store::findByCode);
    }
  }

  private Map<String, String> names(Collection<String> codes) {
    Map<String, String> names = new HashMap<>();
    codes.stream().distinct().forEach(code -> jurisdictions.find(code).ifPresent(j -> names.put(code, j.name())));
    return names;
  }

  private static Organisation view(OrganisationRow row, Map<String, String> names) {
    OrganisationDetails d = row.data();
    return new Organisation(row.id().toString(), d.creditCode(), d.name(), d.kind(), d.sector(), d.jurisdictionCode(),
        names.get(d.jurisdictionCode()), row.districtCode(), d.address(), d.legalRepresentative(), d.contactName(),
        d.contactPhone(), d.headcount() == null ? 0 : d.headcount(), d.schoolLevel(), d.cohorts(), d.boarding(),
        d.maxCapacity(), d.religion(), d.clergyCount(), !row.retired(), row.retiredAt());
  }
}
