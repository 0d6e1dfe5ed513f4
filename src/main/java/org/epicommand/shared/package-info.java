/**
 * Tiny value types used by every module: paging, problems (validation, not found, conflict) and
 * the masking rule for personal identifiers. Open: every module may use all of it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.epicommand.shared;
