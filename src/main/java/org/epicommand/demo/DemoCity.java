package org.epicommand.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo city's division tree, derived deterministically from a seed. Codes follow docs/api.md: the
 * city 990100, districts 990101…, streets 990101001…, communities 990101001001… (province 99 does
 * not exist in real data, so demo codes never collide with real ones).
 */
public final class DemoCity {

  public static final String CITY_CODE = "990100";
  public static final String CITY_NAME = "滨江市";

  private static final String[] DISTRICTS = {"东湖区", "西山区", "南江区", "北城区", "高新区", "临港区"};
  private static final String[] STEMS = {"和平", "建设", "解放", "人民", "新华", "长江", "黄河", "光明", "朝阳",
      "东风", "胜利", "幸福", "团结", "民主", "青年", "文化", "花园", "湖滨", "江南", "锦绣", "丰收", "永安", "兴隆",
      "育才", "龙泉", "金桥", "银河", "紫荆", "桂花", "梧桐", "杨柳", "枫林", "翠竹", "白云", "碧水", "春晖", "秋实",
      "康乐", "安居", "繁荣", "振兴", "红星", "向阳", "前进", "跃进", "友谊", "滨河", "望江", "临湖", "新村"};

  /** A node of the tree; {@code parentCode} is null for the city. */
  public record Node(String code, String name, int level, String parentCode) {}

  private DemoCity() {}

  /** City, districts, streets and communities, parents before children. */
  public static List<Node> tree(long seed) {
    Random random = new Random(seed);
    List<Node> nodes = new ArrayList<>();
    nodes.add(new Node(CITY_CODE, CITY_NAME, 2, null));
    for (int d = 0; d < DISTRICTS.length; d++) {
      String district = String.format("9901%02d", d + 1);
      nodes.add(new Node(district, DISTRICTS[d], 3, CITY_CODE));
      int streets = 9 + random.nextInt(3);
      for (int s = 1; s <= streets; s++) {
        String street = district + String.format("%03d", s);
        nodes.add(new Node(street, STEMS[(d * 7 + s * 3) % STEMS.length] + "街道", 4, district));
        int communities = 9 + random.nextInt(3);
        for (int c = 1; c <= communities; c++) {
          nodes.add(new Node(street + String.format("%03d", c),
              STEMS[(d * 11 + s * 5 + c * 7) % STEMS.length] + (c % 3 == 0 ? "村" : "社区"), 5, street));
        }
      }
    }
    return nodes;
  }

  /** The twelve-digit form of a demo code. */
  public static String code12(String code) {
    return (code + "000000000000").substring(0, 12);
  }
}
