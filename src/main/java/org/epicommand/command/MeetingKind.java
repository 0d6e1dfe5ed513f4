package org.epicommand.command;

/** 专题会 (a meeting on one subject) or 调度会 (a dispatch meeting). */
public enum MeetingKind {
  SPECIAL, DISPATCH
}
