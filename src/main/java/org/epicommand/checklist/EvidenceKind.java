package org.epicommand.checklist;

/** What evidence an item needs besides its result: none, a photo taken on the spot, or a document. */
public enum EvidenceKind {
  NONE, PHOTO, DOCUMENT
}
