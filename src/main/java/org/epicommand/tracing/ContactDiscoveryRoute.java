package org.epicommand.tracing;

/** 本地甄别 (own investigation) or 外省/外市/外区协查 (a request from elsewhere). */
public enum ContactDiscoveryRoute {
  OWN_INVESTIGATION, REQUEST_FROM_ELSEWHERE
}
