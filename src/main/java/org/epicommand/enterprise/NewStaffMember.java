package org.epicommand.enterprise;

import java.time.LocalDate;
import org.epicommand.person.IdType;

/**
 * A staff member to put on a ledger (or the changes to one: the document stays): the resident ID (or another
 * document), post, key post, where and when they returned from, 14-day travel, health, on duty.
 */
public record NewStaffMember(String name, IdType idType, String idNumber, String phone, String post, Boolean keyPost,
    String returnedFrom, LocalDate returnedOn, String travelNote, Health health, Boolean onDuty) {}
