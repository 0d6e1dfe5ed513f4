package org.epicommand.movement;

import java.time.LocalDate;
import java.util.UUID;
import org.epicommand.person.IdType;
import org.epicommand.quarantine.RiskLevel;

/**
 * An arrival to register: who (document, name, phone), where to (the destination community, 12-digit
 * code, and address), from where (a designated risk area, or a region with the risk level of origin,
 * or from abroad), by which route and on which day; {@code checkpointCode}: the checkpoint or station
 * that registered it (staff only).
 */
public record NewArrival(String name, IdType idType, String idNumber, String phone, String address,
    String destinationCode, String originRegion, UUID originAreaId, RiskLevel originLevel, boolean inbound,
    String route, LocalDate arrivalDate, String checkpointCode) {}
