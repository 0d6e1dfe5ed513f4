package org.epicommand.organisation;

import java.util.Locale;

/** What an organisation is; each kind has the sector that usually oversees it (the default when none is given). */
public enum OrganisationKind {
  ENTERPRISE(Sector.INDUSTRY, "企业", "工业企业"),
  INSTITUTION(Sector.GOVERNMENT, "机关事业单位", "机关", "事业单位"),
  SCHOOL(Sector.EDUCATION, "学校", "中小学", "高校"),
  KINDERGARTEN(Sector.EDUCATION, "幼儿园", "托幼机构"),
  TRAINING_INSTITUTION(Sector.EDUCATION, "培训机构", "校外培训机构"),
  SCENIC_SPOT(Sector.CULTURE_TOURISM, "景区", "旅游景区", "A级景区"),
  RELIGIOUS_SITE(Sector.ETHNIC_RELIGIOUS, "宗教活动场所", "寺庙", "寺院", "教堂"),
  HOTEL(Sector.CULTURE_TOURISM, "宾馆", "酒店", "宾招", "宾馆酒店"),
  HOMESTAY(Sector.CULTURE_TOURISM, "民宿"),
  RESTAURANT(Sector.COMMERCE, "餐饮", "餐馆", "餐饮单位"),
  MARKET(Sector.COMMERCE, "市场", "农贸市场", "商场超市"),
  LOGISTICS(Sector.TRANSPORT, "物流", "物流企业", "快递"),
  CONSTRUCTION_SITE(Sector.HOUSING_CONSTRUCTION, "建筑工地", "工地", "在建项目"),
  PHARMACY(Sector.MARKET_REGULATION, "药店", "零售药店"),
  CLINIC(Sector.HEALTH, "诊所", "卫生室", "门诊部"),
  HOSPITAL(Sector.HEALTH, "医院", "医疗机构"),
  WAREHOUSE(Sector.COMMERCE, "仓库", "冷库", "仓储"),
  OTHER(Sector.OTHER, "其他", "其它");

  private final Sector sector;
  private final String[] names;

  OrganisationKind(Sector sector, String... names) {
    this.sector = sector;
    this.names = names;
  }

  /** The sector that usually oversees this kind. */
  public Sector defaultSector() {
    return sector;
  }

  /** Schools, kindergartens and training institutions: they have levels and cohorts. */
  public boolean educational() {
    return sector == Sector.EDUCATION;
  }

  /** The kind by its name in any case or as offices write it in Chinese; null when it is neither. */
  public static OrganisationKind parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    for (OrganisationKind kind : values()) {
      if (kind.name().equalsIgnoreCase(value) || java.util.Arrays.asList(kind.names).contains(value)) {
        return kind;
      }
    }
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
