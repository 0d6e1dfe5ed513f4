package org.epicommand.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.junit.jupiter.api.Test;

/** The menu marks exactly one entry: the longest path that covers the page. */
class LayoutMenuTest {

  static final List<NavigationItem> ITEMS = List.of(
      new NavigationItem(0, "/", "nav.home", null, null),
      new NavigationItem(1, "/command/reports", "nav.reportMatrix", null, NavigationGroup.COMMAND),
      new NavigationItem(2, "/command/reports/file", "nav.reportFile", null, NavigationGroup.COMMAND),
      new NavigationItem(3, "/quarantine", "nav.quarantine", null, NavigationGroup.QUARANTINE),
      new NavigationItem(4, "/quarantine/alerts/doors", "nav.quarantine.doors", null, NavigationGroup.QUARANTINE),
      new NavigationItem(5, "/notifications", "nav.notifications", null, null));

  @Test
  void theLongestCoveringPathIsTheOneActiveEntry() {
    assertThat(LayoutModel.Menu.of(ITEMS, "/command/reports/file").activePath()).isEqualTo("/command/reports/file");
    assertThat(LayoutModel.Menu.of(ITEMS, "/command/reports").activePath()).isEqualTo("/command/reports");
    assertThat(LayoutModel.Menu.of(ITEMS, "/quarantine/orders/42").activePath()).isEqualTo("/quarantine");
    assertThat(LayoutModel.Menu.of(ITEMS, "/quarantine/alerts/doors/list").activePath())
        .isEqualTo("/quarantine/alerts/doors");
    // a sibling with a common prefix is not covered: /quarantinex is not under /quarantine
    assertThat(LayoutModel.Menu.of(ITEMS, "/quarantinex").activePath()).isNull();
    // the home entry covers the home page only
    assertThat(LayoutModel.Menu.of(ITEMS, "/").activePath()).isEqualTo("/");
    assertThat(LayoutModel.Menu.of(ITEMS, "/persons").activePath()).isNull();
  }

  @Test
  void groupsStandInTheirOrderAndOnlyTheCurrentOneOpensInALongMenu() {
    LayoutModel.Menu menu = LayoutModel.Menu.of(ITEMS, "/quarantine/alerts/doors");
    assertThat(menu.top()).extracting(NavigationItem::path).containsExactly("/", "/notifications");
    assertThat(menu.groups().keySet()).containsExactly(NavigationGroup.COMMAND, NavigationGroup.QUARANTINE);
    assertThat(menu.activeGroup()).isEqualTo(NavigationGroup.QUARANTINE);
    // six entries: short enough to show every group open
    assertThat(menu.open(NavigationGroup.COMMAND)).isTrue();
  }
}
