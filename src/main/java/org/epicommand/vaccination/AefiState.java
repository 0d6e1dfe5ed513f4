package org.epicommand.vaccination;

/** An adverse event recorded, reported to the CDC's AEFI surveillance, closed with its outcome. */
public enum AefiState { RECORDED, REPORTED, CLOSED }
