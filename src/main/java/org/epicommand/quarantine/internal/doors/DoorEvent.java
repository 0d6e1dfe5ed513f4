package org.epicommand.quarantine.internal.doors;

/** What a door sensor reports. */
public enum DoorEvent { OPEN, CLOSE, HEARTBEAT }
