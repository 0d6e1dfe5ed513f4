package org.epicommand.demo;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.UUID;
import org.epicommand.person.IdType;
import org.epicommand.person.PersonBulkLoad.BulkPerson;
import org.epicommand.person.ResidentIdNumber;
import org.epicommand.person.Sex;

/**
 * A deterministic synthetic population: households of 1 to 5 persons with realistic Chinese names,
 * ages, mobile phones and valid, unique resident ID numbers (GB 11643, real region codes of birth
 * places), spread over the communities of the demo city. The same seed always yields the same
 * persons, so the sequence can be generated twice (households, then persons) for COPY.
 */
public final class SyntheticPopulation implements Iterable<BulkPerson> {

  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
      "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
      "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "卢", "姚",
      "沈", "钟", "姜", "崔", "谭", "陆", "范", "汪", "廖", "石", "金", "韦", "贾", "夏", "付", "方", "邹", "熊", "白"};
  private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
      "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "文", "辉", "建", "国", "红", "梅",
      "鑫", "斌", "宇", "浩", "凯", "鹏", "俊", "帅", "婷", "雪", "琳", "晨", "欣", "怡", "佳", "子", "涵", "轩", "睿",
      "博", "宁", "思", "雨", "萱", "泽", "晴", "瑶", "彤", "嘉", "悦", "昊", "然", "一", "诺", "梓", "航", "妍", "昕",
      "志", "春", "海", "波", "峰", "林", "云", "飞", "亮", "成", "荣", "新", "德", "福", "生", "民", "金", "龙", "庆"};
  /** Real county codes of birth places across China (GB/T 2260), so that every ID passes the province check. */
  private static final String[] BIRTH_REGIONS = {"110101", "110105", "120101", "130102", "140105", "140902", "150102",
      "210102", "220102", "230102", "310101", "310104", "320102", "320506", "330102", "330106", "340102", "350102",
      "360102", "370102", "370202", "410102", "410105", "420102", "420106", "430102", "440103", "440106", "440305",
      "450102", "460105", "500103", "510104", "510107", "520102", "530102", "540102", "610102", "610113", "620102",
      "630102", "640104", "650102", "411423", "412723", "360426", "441521", "130632", "370883", "421127"};
  private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
      "150", "151", "152", "155", "156", "157", "158", "159", "176", "177", "180", "181", "182", "185", "186", "187",
      "188", "189", "191", "198", "199"};
  private static final LocalDate EPOCH = LocalDate.of(1925, 1, 1);

  /** A community where people live: its code, name and materialised path. */
  public record Community(String code, String name, String path) {}

  private final List<Community> communities;
  private final int size;
  private final long seed;
  private final LocalDate today;

  public SyntheticPopulation(List<Community> communities, int size, long seed, LocalDate today) {
    if (communities.isEmpty()) {
      throw new IllegalArgumentException("no communities");
    }
    this.communities = List.copyOf(communities);
    this.size = size;
    this.seed = seed;
    this.today = today;
  }

  @Override
  public Iterator<BulkPerson> iterator() {
    return new Generator();
  }

  private static String pad(int value, int width) {
    String digits = Integer.toString(value);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  private final class Generator implements Iterator<BulkPerson> {

    private final SplittableRandom random = new SplittableRandom(seed);
    /** Sequence numbers used per (region, birth date, sex): keeps every generated ID number unique. */
    private final int maxDay = (int) (today.toEpochDay() - EPOCH.toEpochDay());
    private final int days = maxDay + 1;
    private final short[] used = new short[BIRTH_REGIONS.length * days * 2];
    private int produced;
    private int householdLeft;
    private UUID household;
    private String address;
    private Community community;
    private String surname;

    @Override
    public boolean hasNext() {
      return produced < size;
    }

    @Override
    public BulkPerson next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      if (householdLeft == 0) {
        startHousehold();
      }
      boolean head = householdLeft == householdSize;
      householdLeft--;
      produced++;
      Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
      int age = head ? 25 + random.nextInt(55) : random.nextInt(90);
      int day = Math.max(0, Math.min(maxDay, maxDay - age * 365 - random.nextInt(365)));
      String idNumber = idNumber(day, sex);
      String name = (random.nextInt(10) < 7 ? surname : SURNAMES[random.nextInt(SURNAMES.length)])
          + GIVEN[random.nextInt(GIVEN.length)] + (random.nextInt(3) > 0 ? GIVEN[random.nextInt(GIVEN.length)] : "");
      String phone = age >= 12 ? MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]
          + pad(random.nextInt(100_000_000), 8) : null;
      return new BulkPerson(new UUID(random.nextLong(), random.nextLong()), name, IdType.RESIDENT_ID, idNumber, sex,
          EPOCH.plusDays(day), phone, address, household, community.code(), community.path());
    }

    private int householdSize;

    private void startHousehold() {
      int roll = random.nextInt(100);
      householdSize = roll < 15 ? 1 : roll < 45 ? 2 : roll < 73 ? 3 : roll < 90 ? 4 : 5;
      householdLeft = Math.min(householdSize, size - produced);
      householdSize = householdLeft;
      household = new UUID(random.nextLong(), random.nextLong());
      community = communities.get(random.nextInt(communities.size()));
      address = community.name() + (1 + random.nextInt(40)) + "号楼" + (1 + random.nextInt(6)) + "单元"
          + (1 + random.nextInt(18)) + pad(1 + random.nextInt(4), 2) + "室";
      surname = SURNAMES[random.nextInt(SURNAMES.length)];
    }

    private String idNumber(int day, Sex sex) {
      int region = random.nextInt(BIRTH_REGIONS.length);
      int d = day;
      while (true) {
        int slot = (region * days + d) * 2 + (sex == Sex.MALE ? 1 : 0);
        if (used[slot] < 500) {
          int sequence = used[slot]++ * 2 + (sex == Sex.MALE ? 1 : 0);
          LocalDate birth = EPOCH.plusDays(d);
          String first17 = BIRTH_REGIONS[region] + birth.getYear() + pad(birth.getMonthValue(), 2)
              + pad(birth.getDayOfMonth(), 2) + pad(sequence, 3);
          return first17 + ResidentIdNumber.checkCharacter(first17);
        }
        d = d == 0 ? maxDay : d - 1;
      }
    }
  }
}
