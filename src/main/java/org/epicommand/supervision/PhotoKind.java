package org.epicommand.supervision;

/** A photo of the finding itself, or evidence of its rectification. */
public enum PhotoKind {
  FINDING, EVIDENCE
}
