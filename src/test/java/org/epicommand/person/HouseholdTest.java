package org.epicommand.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.epicommand.support.DemoPlaces;
import org.junit.jupiter.api.Test;

/** Building and unit as offices write them in addresses; a street number is not a building. */
class HouseholdTest {

  private static Household at(String address) {
    return new Household(null, address, DemoPlaces.COMMUNITY, "/990100/990101/990101001/990101001001/", 0);
  }

  @Test
  void buildingAndUnitAreReadFromTheAddress() {
    assertThat(at("幸福小区12号楼3单元502").building()).isEqualTo(12);
    assertThat(at("幸福小区12号楼3单元502").unit()).isEqualTo(3);
    assertThat(at("和平里7栋201").building()).isEqualTo(7);
    assertThat(at("东湖路31016号1号楼2单元201").building()).isEqualTo(1);
    assertThat(at("东湖路31016号1号楼2单元201").unit()).isEqualTo(2);
    assertThat(at("东湖路88号").building()).isNull();
    assertThat(at("东湖路88号").unit()).isNull();
    assertThat(Household.buildingOf(null)).isNull();
  }
}
