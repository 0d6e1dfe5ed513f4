package org.epicommand.labtest;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.epicommand.labtest.internal.PlaceBook;
import org.epicommand.labtest.internal.PlaceData;
import org.epicommand.labtest.internal.PlaceKind;
import org.epicommand.labtest.internal.PlaceRow;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;

/**
 * What sampling sites and labs share as master data: list, read, create, correct, retire, take back
 * into service — each kind with its own view and details.
 *
 * @param <V> the view
 * @param <D> the details an owner gives
 */
public abstract class PlaceRegistry<V, D> {

  private final PlaceBook book;
  private final PlaceKind kind;
  private final Function<D, String> code;

  PlaceRegistry(PlaceBook book, PlaceKind kind, Function<D, String> code) {
    this.book = book;
    this.kind = kind;
    this.code = code;
  }

  /**
   * Records inside the caller's jurisdiction (or a part of it, else 404), by code; {@code active}
   * null: all; {@code query}: the exact code or part of the name.
   */
  public PageResult<V> list(String jurisdiction, Boolean active, String query, Paging paging) {
    PageResult<PlaceRow> rows = book.list(kind, jurisdiction, active, query, paging);
    Map<String, String> names = book.names(rows.items().stream().map(r -> r.data().jurisdictionCode()).toList());
    return rows.map(row -> view(row, names.get(row.data().jurisdictionCode())));
  }

  /** A record inside the caller's jurisdiction; 404 otherwise. */
  public V get(String code) {
    return view(book.get(kind, code));
  }

  /** A record inside the caller's jurisdiction, if there is one. */
  public Optional<V> find(String code) {
    return book.find(kind, code).map(this::view);
  }

  /** 400 naming the fields, 409 with {@code existingId} when the code is taken. */
  public V create(D details) {
    return view(book.create(kind, code.apply(details), data(details)));
  }

  /** Corrects everything but the code (the one in the path). */
  public V update(String code, D details) {
    return view(book.update(kind, code, data(details)));
  }

  /** Takes the record out of service: it keeps its history and refuses new work; 409 when retired already. */
  public V retire(String code) {
    return view(book.retire(kind, code));
  }

  /** Takes a retired record back into service; 409 when it is active. */
  public V reactivate(String code) {
    return view(book.reactivate(kind, code));
  }

  abstract PlaceData data(D details);

  abstract V view(PlaceRow row, String jurisdictionName);

  static ServiceStatus status(PlaceRow row) {
    return row.retired() ? ServiceStatus.RETIRED : ServiceStatus.ACTIVE;
  }

  private V view(PlaceRow row) {
    String code = row.data().jurisdictionCode();
    return view(row, book.names(Collections.singletonList(code)).get(code));
  }
}
