package org.epicommand.quarantine;

/** Symptoms asked at each health check (docs/domain.md §6); a fever is read from the temperature. */
public enum Symptom { COUGH, SORE_THROAT, FATIGUE, LOSS_OF_TASTE_OR_SMELL, DIARRHOEA, OTHER }
