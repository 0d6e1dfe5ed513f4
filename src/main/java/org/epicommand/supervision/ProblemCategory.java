package org.epicommand.supervision;

/** What kind of shortcoming an inspection found. */
public enum ProblemCategory {
  /** 扫码测温、查验 */
  SCAN_AND_CHECK,
  /** 核酸检测组织 */
  TESTING,
  /** 隔离管控 */
  QUARANTINE,
  /** 人员值守、责任落实 */
  DUTY,
  /** 防护物资 */
  PROTECTIVE_EQUIPMENT,
  /** 环境消杀 */
  DISINFECTION,
  /** 信息报送 */
  REPORTING,
  OTHER
}
