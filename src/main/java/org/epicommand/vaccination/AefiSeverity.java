package org.epicommand.vaccination;

/** How severe an adverse event is: mild, moderate, severe (a severe event is 严重异常反应). */
public enum AefiSeverity { MILD, MODERATE, SEVERE }
