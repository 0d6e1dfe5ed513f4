/**
 * The generic import and export machinery: import jobs for every kind of file (CSV in UTF-8 or GBK,
 * XLSX), row-level errors with line numbers, warnings on stored rows, progress, crash-safe resumption; CSV
 * exports that Excel opens safely. Modules contribute an {@link org.epicommand.imports.ImportHandler} per kind.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports and exports")
package org.epicommand.imports;
