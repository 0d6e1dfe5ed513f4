package org.epicommand.vaccination;

/**
 * What products, sites and vaccinators offer alike as master data: read (404 outside the caller's
 * reach), create (400 naming the fields, 409 with {@code existingId}), correct everything but the code,
 * retire (it keeps its doses and refuses new ones) and take back into service (409 naming the state
 * it is in already).
 *
 * @param <V> the record as shown
 * @param <D> the details an owner gives
 */
public interface MasterRegistry<V, D> {

  V get(String code);

  V create(D details);

  V update(String code, D details);

  V retire(String code);

  V reactivate(String code);
}
