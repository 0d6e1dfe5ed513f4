package org.epicommand.shared;

/**
 * The work areas the staff navigation is grouped by, in the order the menu shows them (message key
 * {@code nav.group.<NAME>}). Entries without a group (home, inbox) stand above the groups.
 */
public enum NavigationGroup {
  /** 指挥调度: organisation, meetings, tasks, duty, daily reports. */
  COMMAND,
  /** 流调溯源: persons, cases, investigations, contacts, chains, venues. */
  TRACING,
  /** 隔离管控: orders, sites, transfers, alerts, door sensors. */
  QUARANTINE,
  /** 核酸检测: campaigns, retests, uploads, sampling sites and labs. */
  LABTEST,
  /** 人员流动: risk areas, pushed lists, arrivals, checkpoints. */
  MOVEMENT,
  /** 督查督导: plans, visits, problems, scorecard, public naming. */
  SUPERVISION,
  /** 统计分析: dashboard, epidemiology, projection, reports, bulletins. */
  ANALYTICS,
  /** 系统管理: divisions, users, roles, rule sets, imports, setup, audit. */
  SYSTEM
}
