package org.epicommand.supplies;

/** What a warehouse is: a city or district reserve, a donation depot, or the store of a site, hospital or lab. */
public enum WarehouseKind {
  CITY_RESERVE, DISTRICT_RESERVE, DONATION_DEPOT, SITE_STORE, HOSPITAL_STORE, LAB_STORE
}
