/**
 * Demo mode: a deterministic synthetic city (滨江市, code 990100: 6 districts, about 10 streets
 * each, about 10 communities each), the demo accounts of docs/api.md with the password
 * {@code demo1234}, and a synthetic population generator that also feeds the 10 M benchmarks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo city")
package org.epicommand.demo;
