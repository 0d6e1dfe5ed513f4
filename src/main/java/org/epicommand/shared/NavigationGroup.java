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
  /** 监测预警: pharmacy and clinic sentinels, buyers to verify. */
  SENTINEL,
  /** 疫苗接种: coverage, door-to-door lists, doses, adverse events, sites and vaccinators. */
  VACCINATION,
  /** 医疗救治: hospitals, beds, admissions, expert teams. */
  TREATMENT,
  /** 人员流动: risk areas, pushed lists, arrivals, checkpoints. */
  MOVEMENT,
  /** 社区防控: screening rounds, gatherings, sealed areas. */
  COMMUNITY,
  /** 复工复产: organisations, staff ledgers, reopening applications, checklists. */
  ENTERPRISE,
  /** 物资保障: items, warehouses, requests, producers, prices. */
  SUPPLIES,
  /** 督查督导: plans, visits, problems, scorecard, public naming. */
  SUPERVISION,
  /** 统计分析: dashboard, epidemiology, projection, reports, bulletins. */
  ANALYTICS,
  /** 系统管理: divisions, users, roles, rule sets, imports, setup, audit. */
  SYSTEM
}
