package org.epicommand.supplies;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Organisations;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.supplies.internal.CatalogStore;
import org.epicommand.supplies.internal.KeeperBindings;
import org.epicommand.supplies.internal.SuppliesProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of items and the warehouses: the supplies group adds them (a taken code is 409 with
 * {@code existingId}); everyone with supplies access reads the warehouses inside their jurisdiction, a
 * keeper only the warehouses they are bound to (404 otherwise).
 */
@Service
public class SupplyCatalog {

  /**
   * An item to add; {@code necessity} null counts as false, {@code minOnHand} null as 0; {@code unitPrice}: the
   * reference price per unit (元), optional.
   */
  public record NewItem(String code, String nameZh, String nameEn, SupplyCategory category, String unit,
      String standard,
      Integer shelfLifeDays, BigDecimal perCapitaDailyUse, Boolean necessity, Long minOnHand, BigDecimal unitPrice) {}

  /** A warehouse to add; {@code targetDays} null: 30 for a city reserve, 7 otherwise (configurable). */
  public record NewWarehouse(String code, String name, WarehouseKind kind, String jurisdictionCode, String address,
      String organisationCode, Integer targetDays) {}

  /** The units an item may be counted in. */
  public static final Set<String> UNITS = Set.of("只", "套", "人份", "盒", "L", "kg", "瓶", "个", "袋", "台", "支", "件", "桶");
  static final String CODE = "[A-Za-z0-9-]{2,30}";
  static final String ITEM_SUBJECT = "SUPPLY_ITEM";
  static final String WAREHOUSE_SUBJECT = "SUPPLY_WAREHOUSE";
  /** The state a retired item or warehouse is named by in a 409. */
  static final String RETIRED = "RETIRED";
  static final BigDecimal MAX_UNIT_PRICE = BigDecimal.valueOf(10_000_000);

  private final CatalogStore store;
  private final KeeperBindings keepers;
  private final Jurisdictions jurisdictions;
  private final Organisations organisations;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final SuppliesProperties properties;
  private final Clock clock;

  SupplyCatalog(CatalogStore store, KeeperBindings keepers, Jurisdictions jurisdictions, Organisations organisations,
      CurrentUser currentUser, AuditTrail audit, SuppliesProperties properties, Clock clock) {
    this.store = store;
    this.keepers = keepers;
    this.jurisdictions = jurisdictions;
    this.organisations = organisations;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public SupplyItem createItem(NewItem request) {
    List<FieldProblem> problems = new ArrayList<>();
    String code = code(request.code(), "code", problems);
    SupplyItem item = item(code, request, problems);
    if (!store.insertItem(item, clock.instant())) {
      throw Conflict.duplicate("supplies.item.duplicate", code);
    }
    audit.record(AuditAction.CREATE, ITEM_SUBJECT, code, item.nameZh());
    return item;
  }

  /**
   * Corrects an item's fields (its code stays; a code in the body must be the same): 400 per field with
   * nothing stored, 409 naming RETIRED for a retired item.
   */
  @Transactional
  public SupplyItem correctItem(String code, NewItem request) {
    SupplyItem stored = item(code);
    List<FieldProblem> problems = new ArrayList<>();
    if (request.code() != null && !request.code().strip().equals(stored.code())) {
      problems.add(FieldProblem.of("code", "supplies.code.fixed"));
    }
    SupplyItem item = item(stored.code(), request, problems);
    if (!stored.active()) {
      throw Conflict.naming("supplies.item.isRetired", RETIRED);
    }
    store.updateItem(item, clock.instant());
    audit.record(AuditAction.UPDATE, ITEM_SUBJECT, stored.code(), stored + " → " + item);
    return item(stored.code());
  }

  /** Retires an item: it stays readable, leaves the pickers and takes no new work; retired again is 409. */
  @Transactional
  public SupplyItem retireItem(String code) {
    SupplyItem stored = item(code);
    if (!store.retireItem(stored.code(), clock.instant())) {
      throw Conflict.naming("supplies.item.isRetired", RETIRED);
    }
    audit.record(AuditAction.UPDATE, ITEM_SUBJECT, stored.code(), "retired");
    return item(stored.code());
  }

  private SupplyItem item(String code, NewItem request, List<FieldProblem> problems) {
    text(request.nameZh(), "nameZh", 100, problems);
    text(request.nameEn(), "nameEn", 100, problems);
    if (request.category() == null) {
      problems.add(FieldProblem.of("category", "supplies.item.category"));
    }
    if (request.unit() == null || !UNITS.contains(request.unit().strip())) {
      problems.add(FieldProblem.of("unit", "supplies.item.unit", String.join(" / ", UNITS.stream().sorted().toList())));
    }
    if (request.shelfLifeDays() != null && (request.shelfLifeDays() < 1 || request.shelfLifeDays() > 36_500)) {
      problems.add(FieldProblem.of("shelfLifeDays", "supplies.item.shelfLife"));
    }
    if (request.perCapitaDailyUse() != null && (request.perCapitaDailyUse().signum() <= 0
        || request.perCapitaDailyUse().compareTo(BigDecimal.valueOf(1000)) > 0)) {
      problems.add(FieldProblem.of("perCapitaDailyUse", "supplies.item.perCapita"));
    }
    if (request.minOnHand() != null && (request.minOnHand() < 0 || request.minOnHand() > StockLedger.MAX_QUANTITY)) {
      problems.add(FieldProblem.of("minOnHand", "supplies.quantity"));
    }
    if (request.unitPrice() != null && (request.unitPrice().signum() <= 0
        || request.unitPrice().compareTo(MAX_UNIT_PRICE) > 0 || request.unitPrice().scale() > 2)) {
      problems.add(FieldProblem.of("unitPrice", "supplies.item.unitPrice"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return new SupplyItem(code, request.nameZh().strip(), request.nameEn().strip(), request.category(),
        request.unit().strip(), blank(request.standard()), request.shelfLifeDays(), request.perCapitaDailyUse(),
        Boolean.TRUE.equals(request.necessity()), request.minOnHand() == null ? 0 : request.minOnHand(), true,
        request.unitPrice());
  }

  /** The catalogue in code order (active items unless {@code all}). */
  public List<SupplyItem> items(SupplyCategory category, boolean all) {
    currentUser.get();
    return store.items(category, !all);
  }

  public SupplyItem item(String code) {
    return store.item(code == null ? "" : code.strip()).orElseThrow(() -> new RecordNotFound(ITEM_SUBJECT));
  }

  /** Items by code, for other parts of the module (one query). */
  Map<String, SupplyItem> itemsByCode(Collection<String> codes) {
    return store.items(codes).stream().collect(Collectors.toMap(SupplyItem::code, Function.identity()));
  }

  @Transactional
  public Warehouse createWarehouse(NewWarehouse request) {
    List<FieldProblem> problems = new ArrayList<>();
    String code = code(request.code(), "code", problems);
    CatalogStore.WarehouseRow row = warehouse(code, request, problems);
    if (!store.insertWarehouse(row, clock.instant())) {
      throw Conflict.duplicate("supplies.warehouse.duplicate", code);
    }
    audit.record(AuditAction.CREATE, WAREHOUSE_SUBJECT, code, row.name());
    return view(row);
  }

  /**
   * Corrects a warehouse the caller reaches (its code stays): 400 per field with nothing stored, 409
   * naming RETIRED for a retired one.
   */
  @Transactional
  public Warehouse correctWarehouse(String code, NewWarehouse request) {
    CatalogStore.WarehouseRow stored = reachable(code);
    List<FieldProblem> problems = new ArrayList<>();
    if (request.code() != null && !request.code().strip().equals(stored.code())) {
      problems.add(FieldProblem.of("code", "supplies.code.fixed"));
    }
    CatalogStore.WarehouseRow row = warehouse(stored.code(), request, problems);
    if (!stored.active()) {
      throw Conflict.naming("supplies.warehouse.isRetired", RETIRED);
    }
    store.updateWarehouse(row, clock.instant());
    audit.record(AuditAction.UPDATE, WAREHOUSE_SUBJECT, stored.code(), stored + " → " + row);
    return warehouse(stored.code());
  }

  /** Retires a warehouse: its stock and history stay readable; it leaves the pickers and takes no new work. */
  @Transactional
  public Warehouse retireWarehouse(String code) {
    CatalogStore.WarehouseRow stored = reachable(code);
    if (!store.retireWarehouse(stored.code(), clock.instant())) {
      throw Conflict.naming("supplies.warehouse.isRetired", RETIRED);
    }
    audit.record(AuditAction.UPDATE, WAREHOUSE_SUBJECT, stored.code(), "retired");
    return warehouse(stored.code());
  }

  /** Every warehouse the caller reaches, retired ones too (the master-data page). */
  public List<Warehouse> allWarehouses() {
    UserContext user = currentUser.get();
    return store.allWarehouses(user.scope(), keepers.warehousesOf(user).orElse(null)).stream().map(this::view)
        .toList();
  }

  private CatalogStore.WarehouseRow warehouse(String code, NewWarehouse request, List<FieldProblem> problems) {
    text(request.name(), "name", 100, problems);
    if (request.kind() == null) {
      problems.add(FieldProblem.of("kind", "supplies.warehouse.kind"));
    }
    Jurisdiction division = request.jurisdictionCode() == null ? null
        : jurisdictions.find(request.jurisdictionCode().strip()).orElse(null);
    if (division == null) {
      problems.add(FieldProblem.of("jurisdictionCode", "supplies.warehouse.jurisdiction"));
    }
    if (request.targetDays() != null && (request.targetDays() < 1 || request.targetDays() > 365)) {
      problems.add(FieldProblem.of("targetDays", "supplies.warehouse.targetDays"));
    }
    String organisation = blank(request.organisationCode());
    if (organisation != null && organisations.findForPlatform(organisation)
        .filter(o -> o.kind() == OrganisationKind.WAREHOUSE).isEmpty()) {
      problems.add(FieldProblem.of("organisationCode", "supplies.warehouse.organisation"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (!currentUser.get().scope().contains(division.path())) {
      throw new RecordNotFound("jurisdiction");
    }
    int target = request.targetDays() != null ? request.targetDays()
        : request.kind() == WarehouseKind.CITY_RESERVE ? properties.cityReserveTargetDays()
            : properties.otherTargetDays();
    return new CatalogStore.WarehouseRow(code, request.name().strip(), request.kind(),
        division.code(), division.path(), blank(request.address()), organisation == null ? null
        : organisations.findForPlatform(organisation).orElseThrow().creditCode(), target, true);
  }

  /** The active warehouses the caller reaches (a keeper: their own), inside a division when given. */
  public List<Warehouse> warehouses(String jurisdiction) {
    UserContext user = currentUser.get();
    return store.warehouses(jurisdictions.narrow(user.scope(), jurisdiction), keepers.warehousesOf(user).orElse(null))
        .stream().map(this::view).toList();
  }

  /** A warehouse the caller reaches (404 otherwise). */
  public Warehouse warehouse(String code) {
    return view(reachable(code));
  }

  /** The stored warehouse, when the caller reaches it; 404 otherwise (retired ones stay readable). */
  CatalogStore.WarehouseRow reachable(String code) {
    UserContext user = currentUser.get();
    Optional<Set<String>> own = keepers.warehousesOf(user);
    return store.warehouse(code == null ? "" : code.strip())
        .filter(w -> user.scope().contains(w.path()) && own.map(s -> s.contains(w.code())).orElse(true))
        .orElseThrow(() -> new RecordNotFound(WAREHOUSE_SUBJECT));
  }

  Warehouse view(CatalogStore.WarehouseRow row) {
    return new Warehouse(row.code(), row.name(), row.kind(), row.jurisdictionCode(),
        jurisdictions.find(row.jurisdictionCode()).map(Jurisdiction::name).orElse(row.jurisdictionCode()),
        row.address(), row.organisationCode(), row.targetDays(), row.active());
  }

  static String code(String raw, String field, List<FieldProblem> problems) {
    if (raw == null || !raw.strip().matches(CODE)) {
      problems.add(FieldProblem.of(field, "supplies.code"));
      return null;
    }
    return raw.strip();
  }

  static void text(String raw, String field, int max, List<FieldProblem> problems) {
    if (raw == null || raw.isBlank() || raw.strip().length() > max) {
      problems.add(FieldProblem.of(field, "supplies.text", max));
    }
  }

  static String blank(String raw) {
    return raw == null || raw.isBlank() ? null : raw.strip();
  }
}
