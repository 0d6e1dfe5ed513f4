package org.epicommand.labtest;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A single tube resulted positive (a first test or the retest of a pool member): the start of the
 * case flow for that person. Published in the transaction that stored the result.
 */
public record SingleTubePositive(String tubeBarcode, UUID personId, LocalDate samplingDate) {}
