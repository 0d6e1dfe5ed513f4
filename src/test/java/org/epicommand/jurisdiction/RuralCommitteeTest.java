package org.epicommand.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A villagers' committee is told from a residents' committee by its statistical code (codes of Linfen, 2021):
 * 001–199 residents' committees, 200–399 villagers' committees, 4xx–5xx virtual communities and state farms.
 */
class RuralCommitteeTest {

  private static Jurisdiction village(String code, String name) {
    return new Jurisdiction(code, name, JurisdictionLevel.VILLAGE, code.substring(0, 9), "/" + code + "/");
  }

  @Test
  void villagersCommitteesAreRuralByTheirCode() {
    assertThat(village("141002001001", "商会社区居委会").rural()).isFalse();
    assertThat(village("141002009199", "某社区居委会").rural()).isFalse();
    assertThat(village("141002009200", "枆淇村村委会").rural()).isTrue();
    assertThat(village("141023100203", "柴村村民委员会").rural()).isTrue();
    assertThat(village("141002009399", "某村村委会").rural()).isTrue();
    assertThat(village("141002401498", "临汾经济开发区虚拟社区").rural()).isFalse();
    assertThat(village("141021100500", "国营曲沃县农作物原种场生活区").rural()).isFalse();
    assertThat(new Jurisdiction("141002009", "某镇", JurisdictionLevel.TOWNSHIP, "141002", "/x/").rural()).isFalse();
    assertThat(village("14100200920A", "不是代码").rural()).isFalse();
  }
}
