package org.epicommand.command;

/** The emergency response level (应急响应级别), I the highest. */
public enum ResponseLevel {
  I, II, III, IV
}
