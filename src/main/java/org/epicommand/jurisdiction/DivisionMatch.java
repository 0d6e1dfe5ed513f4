package org.epicommand.jurisdiction;

/**
 * A division found by name, with its chain of names from the root as {@code label}
 * ({@code 忻州市 › 忻府区 › 长征街街道 › 北关社区}): names repeat across a city, the chain tells them apart.
 */
public record DivisionMatch(String code, String name, JurisdictionLevel level, String parentCode, String label) {}
