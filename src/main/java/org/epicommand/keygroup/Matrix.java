package org.epicommand.keygroup;

/** What an environmental sample was taken from (outer and inner packaging and the product of a goods batch). */
public enum Matrix {
  SURFACE, PACKAGE_OUTER, PACKAGE_INNER, PRODUCT, AIR, SEWAGE
}
