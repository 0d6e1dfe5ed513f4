package org.epicommand.quality.security;

import org.epicommand.support.WebSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The map pages: only administrators import boundaries on the division page (with the form's CSRF token);
 * the big screen is for SCREEN_READ; the map data of the pages follow the API's rights; every place form
 * offers the map of the user's division to enter the coordinates on.
 */
@EpiCommandTest
class MapPagesSecurityTest {

  static final byte[] FILE = ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
      + "{\"name\":\"无此区划\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[120.1,30.1],[120.2,30.1],"
      + "[120.2,30.2],[120.1,30.1]]]}}]}").getBytes(StandardCharsets.UTF_8);

  @Autowired
  Api api;

  @Test
  void onlyAdministratorsImportBoundariesAndOnlyWithTheFormsToken() {
    WebSession commander = WebSession.login(api, "commander");
    assertThat(commander.postMultipart("/jurisdictions/990101/boundaries", Map.of("key", "NAME"), "b.geojson", FILE,
        true).status()).isEqualTo(403);
    WebSession admin = WebSession.login(api, "admin");
    assertThat(admin.postMultipart("/jurisdictions/990101/boundaries", Map.of("key", "NAME"), "b.geojson", FILE,
        false).status()).isEqualTo(403);
    WebSession.Page imported = admin.postMultipart("/jurisdictions/990101/boundaries", Map.of("key", "NAME"),
        "b.geojson", FILE, true);
    assertThat(imported.location()).endsWith("/jurisdictions?code=990101");
    assertThat(admin.get("/jurisdictions?code=990101").body()).contains("共 1 个要素：导入 0 个")
        .contains("第 1 个要素：“东湖区”下没有名为“无此区划”的区划");
  }

  @Test
  void everyPlaceFormOffersTheMapOfTheUsersDivisionToEnterItsCoordinates() {
    WebSession commander = WebSession.login(api, "commander");
    Map.of("/quarantine/sites", "site-lat", "/labtest/sampling-sites/new", "place-lat", "/labtest/labs/new",
        "place-lat",
        "/movement/checkpoints", "lat", "/tracing/venues/new", "lat").forEach((path, lat) ->
        assertThat(commander.get(path).body()).as(path).contains("data-coordinate-picker",
            "data-url=\"/jurisdictions/990100/map.json\"", "data-lat=\"" + lat + "\"", "在地图上点选位置"));
  }

  @Test
  void theScreenAndTheMapDataFollowTheirRights() {
    assertThat(WebSession.login(api, "lab").get("/screen").status()).isEqualTo(403);
    assertThat(WebSession.login(api, "lab").get("/maps/areas").status()).isEqualTo(403);
    WebSession district = WebSession.login(api, "district");
    assertThat(district.get("/screen").status()).isEqualTo(200);
    assertThat(district.get("/maps/areas?parent=990102").status()).isEqualTo(404);
    assertThat(district.get("/maps/overlays").body()).contains("\"code\":\"990101\"");
  }
}
