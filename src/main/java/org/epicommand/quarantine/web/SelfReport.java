package org.epicommand.quarantine.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.epicommand.quarantine.Symptom;

/** The body of a health check posted through a personal link. */
record SelfReport(UUID forOrderId, BigDecimal temperature, List<Symptom> symptoms) {}
