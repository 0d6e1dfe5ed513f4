package org.epicommand.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.supervision.SupervisionFixtures.COMMUNITY;
import static org.epicommand.supervision.SupervisionFixtures.png;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Photos are judged by their bytes, not their names: HTML or an executable called .jpg is a 400,
 * an oversized file a 413, the client's file name never reaches the disk.
 */
@EpiCommandTest
class PhotoUploadAbuseTest {

  @Autowired
  Api api;
  @Autowired
  Environment environment;

  @Test
  void markupOrAnExecutableNamedJpgIsRefusedWith400() {
    String path = "/api/v1/problems/" + SupervisionFixtures.foundProblem(api, COMMUNITY, "abuse-" + UUID.randomUUID())
        + "/photos";
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
    for (Object[] attempt : new Object[][] {{"photo.jpg", html}, {"photo.jpg", exe}, {"photo.png", svg},
        {"photo.webp", "RIFF0000WAVE".getBytes(StandardCharsets.US_ASCII)}}) {
      Api.Answer answer = api.as("inspector").upload(path, (String) attempt[0], (byte[]) attempt[1]);
      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
      assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
      assertThat(answer.json().get("errors").get(0).get("code").asString()).isEqualTo("supervision.notAnImage");
    }
    assertThat(api.as("inspector").upload(path, "empty.jpg", new byte[0]).status()).isEqualTo(400);
    Api.Answer english = api.as("inspector").header("Accept-Language", "en").upload(path, "x.jpg", html);
    assertThat(english.json().get("errors").get(0).get("message").asString()).contains("JPEG, PNG or WebP");
  }

  @Test
  void aTooLargePhotoIs413AndNothingIsStored() {
    String id = SupervisionFixtures.foundProblem(api, COMMUNITY, "large-" + UUID.randomUUID());
    byte[] large = new byte[10 * 1024 * 1024 + 1];
    large[0] = (byte) 0xFF;
    large[1] = (byte) 0xD8;
    large[2] = (byte) 0xFF;
    Api.Answer answer = api.as("inspector").upload("/api/v1/problems/" + id + "/photos", "big.jpg", large);
    assertThat(answer.status()).as(answer.body()).isEqualTo(413);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(api.as("inspector").get("/api/v1/problems/" + id).json().get("photos").size()).isZero();
  }

  @Test
  void realImagesAreKeptUnderTheirIdAndTheClientFileNameIsDropped() throws Exception {
    String id = SupervisionFixtures.foundProblem(api, COMMUNITY, "names-" + UUID.randomUUID());
    byte[] picture = png(Color.MAGENTA);
    Api.Answer stored = api.as("inspector").upload("/api/v1/problems/" + id + "/photos", "../../../etc/passwd.png",
        picture);
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    String photoId = stored.json().get("id").asString();
    Path directory = Path.of(environment.getRequiredProperty("epicommand.supervision.photo-directory"));
    assertThat(Files.readAllBytes(directory.resolve(photoId))).isEqualTo(picture);
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(f -> f.getFileName().toString())).allMatch(name -> name.matches("[0-9a-f-]{36}"));
    }
    assertThat(Files.exists(Path.of("/etc/passwd.png"))).isFalse();
    // JPEG and WebP by their signatures are accepted whatever they are called
    byte[] jpeg = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 64);
    Api.Answer jpg = api.as("inspector").upload("/api/v1/problems/" + id + "/photos", "photo.exe", jpeg);
    assertThat(jpg.json().get("contentType").asString()).isEqualTo("image/jpeg");
    byte[] webp = Arrays.copyOf("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 64);
    Api.Answer web = api.as("inspector").upload("/api/v1/problems/" + id + "/photos", "p", webp);
    assertThat(web.json().get("contentType").asString()).isEqualTo("image/webp");
    Api.Answer served = api.as("inspector").get("/api/v1/problems/" + id + "/photos/" + photoId);
    assertThat(served.header("Content-Type")).isEqualTo("image/png");
    assertThat(served.header("Content-Disposition")).doesNotContain("passwd");
  }
}
