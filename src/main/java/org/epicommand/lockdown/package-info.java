/**
 * Sealed and controlled areas (封控区/管控区, docs/capabilities/lockdown.md): an area declared on a
 * division (or some of its buildings), activated by the command office and lifted; its posts
 * (卡口/值守点) staffed from the manpower pool by shifts against the staffing standard, with the gaps of
 * the next 24 h; household service requests with deadlines per need, overdue in the street's inbox;
 * outing passes checked at a post; volunteers' own shifts and deliveries; the register of vulnerable
 * persons, served first; the manpower import and the readiness of the pool against the posts. Lifting
 * the risk area the area stands on ({@code RiskAreaChanged} to LOW) lifts the area. Publishes
 * {@link org.epicommand.lockdown.ServiceRequestOverdue} and {@link org.epicommand.lockdown.PostUnfilled}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lockdown")
package org.epicommand.lockdown;
