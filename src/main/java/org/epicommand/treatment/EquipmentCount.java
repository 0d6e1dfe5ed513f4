package org.epicommand.treatment;

/** The equipment of one type a hospital has: on hand and in use (in use at most on hand). */
public record EquipmentCount(Integer total, Integer inUse) {}
