package org.epicommand.quarantine;

/** FREE → OCCUPIED → DISINFECTING → FREE, or OUT_OF_SERVICE (docs/domain.md §6). */
public enum RoomState { FREE, OCCUPIED, DISINFECTING, OUT_OF_SERVICE }
