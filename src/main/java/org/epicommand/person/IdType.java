package org.epicommand.person;

/** Identity documents (DOMAIN.md §3). */
public enum IdType {
  RESIDENT_ID, PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT, FOREIGN_PERMANENT_RESIDENT, OTHER
}
