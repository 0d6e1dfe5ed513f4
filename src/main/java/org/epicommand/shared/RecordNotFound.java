package org.epicommand.shared;

/**
 * The record does not exist — or it lies outside the caller's jurisdiction, which must look exactly
 * the same (404, no hint of existence).
 */
public class RecordNotFound extends RuntimeException {

  public RecordNotFound(String subjectType) {
    super(subjectType + " not found");
  }
}
