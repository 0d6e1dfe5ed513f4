package org.epicommand.organisation;

/** The department that oversees an organisation's sector (行业主管部门); its reviewers are bound to it. */
public enum Sector {
  /** 工信 */
  INDUSTRY("工信", "工业和信息化", "经信"),
  /** 商务 */
  COMMERCE("商务"),
  /** 文旅 */
  CULTURE_TOURISM("文旅", "文化和旅游", "文化旅游"),
  /** 教育 */
  EDUCATION("教育", "教育局"),
  /** 民宗 */
  ETHNIC_RELIGIOUS("民宗", "民族宗教", "宗教"),
  /** 住建 */
  HOUSING_CONSTRUCTION("住建", "住房和城乡建设", "住房城乡建设"),
  /** 卫健 */
  HEALTH("卫健", "卫生健康"),
  /** 交通 */
  TRANSPORT("交通", "交通运输"),
  /** 农业农村 */
  AGRICULTURE("农业农村", "农业"),
  /** 市场监管 */
  MARKET_REGULATION("市场监管", "市场监督管理"),
  /** 机关事务 */
  GOVERNMENT("机关事务", "机关"),
  OTHER("其他", "其它");

  private final String[] names;

  Sector(String... names) {
    this.names = names;
  }

  /** The sector by its name in any case or in Chinese; null when it is neither. */
  public static Sector parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    for (Sector sector : values()) {
      if (sector.name().equalsIgnoreCase(value) || java.util.Arrays.asList(sector.names).contains(value)) {
        return sector;
      }
    }
    return null;
  }
}
