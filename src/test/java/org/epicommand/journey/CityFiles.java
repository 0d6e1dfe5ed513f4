package org.epicommand.journey;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.epicommand.support.People;

/**
 * The files a city's offices bring on their first day, as they make them: Chinese headers, a
 * title row above the header, Chinese names for types. Each builder answers UTF-8 bytes.
 */
final class CityFiles {

  /** 忻府区 and its first street and village (the village's community worker records its residents). */
  static final String DISTRICT = "140902";
  static final String STREET = "140902001";
  static final String VILLAGE = "140902001001";

  private CityFiles() {}

  /** A resident ID number of 忻府区, valid by GB 11643, for the {@code n}-th person of the journey. */
  static String residentId(int n) {
    return People.validId(DISTRICT, LocalDate.of(1960, 1, 1).plusDays(97L * n).toString().replace("-", ""),
        100 + n);
  }

  /** The statistics bureau's resident population of every county-level division of 忻州市 (rounded figures). */
  static byte[] population() {
    return bytes("""
        忻州市各县（市、区）常住人口
        统计用区划代码,区划代码,名称,级别,上级代码,常住人口
        140902000000,140902,忻府区,3,1409,"542,000"
        140921000000,140921,定襄县,3,1409,"192,000"
        140922000000,140922,五台县,3,1409,"258,000"
        140923000000,140923,代县,3,1409,"165,000"
        140924000000,140924,繁峙县,3,1409,"200,000"
        140925000000,140925,宁武县,3,1409,"138,000"
        140926000000,140926,静乐县,3,1409,"120,000"
        140927000000,140927,神池县,3,1409,"75,000"
        140928000000,140928,五寨县,3,1409,"93,000"
        140929000000,140929,岢岚县,3,1409,"70,000"
        140930000000,140930,河曲县,3,1409,"123,000"
        140931000000,140931,保德县,3,1409,"126,000"
        140932000000,140932,偏关县,3,1409,"69,000"
        140971000000,140971,五台山风景名胜区,3,1409,"21,000"
        140981000000,140981,原平市,3,1409,"419,000"
        """);
  }

  /** The venue list of 忻府区's market supervision office: 场所码 with their Chinese headers and types. */
  static byte[] venues() {
    return bytes("""
        忻府区场所码登记表
        场所编码,场所名称,场所类型,详细地址,所属区划代码,纬度,经度
        XF-V001,秀容超市,超市,忻府区和平街 12 号,%1$s,38.4167,112.7341
        XF-V002,西街农贸市场,农贸市场,忻府区西街 3 号,%1$s,38.4171,112.7302
        XF-V003,古钟面馆,餐饮,忻府区古钟街 8 号,%2$s,,
        """.formatted(VILLAGE, STREET));
  }

  /** A unit's duty roster for {@code days} days from {@code first}, dates written as 2026/12/6. */
  static byte[] dutyRoster(String unitCode, LocalDate first, int days) {
    StringBuilder csv = new StringBuilder("市疫情防控指挥部值班表\n单位编码,值班日期,带班领导,值班人员,值班电话\n");
    for (int i = 0; i < days; i++) {
      LocalDate day = first.plusDays(i);
      csv.append(unitCode).append(',').append(day.getYear()).append('/').append(day.getMonthValue()).append('/')
          .append(day.getDayOfMonth()).append(',').append(i % 2 == 0 ? "王建国" : "李卫东").append(",张值班").append(i)
          .append(",0350-303312").append(i).append('\n');
    }
    return bytes(csv.toString());
  }

  /** Residents registered by the village's community worker from the household survey. */
  static byte[] residents(List<String> names, int firstNumber) {
    StringBuilder csv = new StringBuilder("西街社区居民排查登记表\n姓名,证件类型,证件号码,性别,出生日期,联系电话,现住址,所属社区代码\n");
    for (int i = 0; i < names.size(); i++) {
      String id = residentId(firstNumber + i);
      csv.append(names.get(i)).append(",居民身份证,").append(id).append(",,,")
          .append("1390350").append(String.format("%04d", firstNumber + i)).append(",西街 ")
          .append(firstNumber + i).append(" 号,").append(VILLAGE).append('\n');
    }
    return bytes(csv.toString());
  }

  /** The venue scans the platform of the province hands over: who scanned which 场所码 when. */
  static byte[] scans(List<String> idNumbers, List<String> venueCodes, List<String> scannedAt) {
    StringBuilder csv = new StringBuilder("证件类型,证件号码,场所编码,扫码时间\n");
    for (int i = 0; i < idNumbers.size(); i++) {
      csv.append("居民身份证,").append(idNumbers.get(i)).append(',').append(venueCodes.get(i)).append(',')
          .append(scannedAt.get(i)).append('\n');
    }
    return bytes(csv.toString());
  }

  /** One pooled tube (10 in 1) and its members, as the sampling site's app exports it. */
  static byte[] pooledTube(String barcode, List<String> idNumbers, String siteCode, String collectedAt) {
    StringBuilder csv = new StringBuilder("试管条码,混采类型,证件类型,证件号码,采样点编码,采样时间\n");
    idNumbers.forEach(id -> csv.append(barcode).append(",POOL_10,居民身份证,").append(id).append(',')
        .append(siteCode).append(',').append(collectedAt).append('\n'));
    return bytes(csv.toString());
  }

  /** The laboratory's result sheet of one tube. */
  static byte[] result(String barcode, String result, String labCode, String reportedAt) {
    return bytes("试管条码,检测结果,ORF1ab基因Ct值,N基因Ct值,检测机构编码,报告时间\n" + barcode + "," + result
        + ",24.5,26.1," + labCode + "," + reportedAt + "\n");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
