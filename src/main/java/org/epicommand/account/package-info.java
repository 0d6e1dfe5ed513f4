/**
 * Users, roles and permissions, authentication (form login for pages, HTTP Basic for the API,
 * lock-out after repeated failures) and the current user with their jurisdiction scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.epicommand.account;
