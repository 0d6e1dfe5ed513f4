package org.epicommand.quality.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.epicommand.quality.fuzz.FuzzFile.Blank;
import org.epicommand.quality.fuzz.FuzzFile.Body;
import org.epicommand.quality.fuzz.FuzzFile.Header;
import org.epicommand.quality.fuzz.FuzzFile.Layout;
import org.junit.jupiter.api.Test;

/** The seeded generation layer and the shrinking, without the application. */
class GenTest {

  private static final List<Function<ImportKind, Gen<FuzzFile>>> PROPERTIES = List.of(Mutators::wellFormedFiles,
      Mutators::formulaFiles, Mutators::bigFiles, Mutators::hostileFiles);

  @Test
  void theSameSeedMakesTheSameFileForEveryPropertyAndKind() {
    for (Function<ImportKind, Gen<FuzzFile>> property : PROPERTIES) {
      Gen<FuzzFile> files = Gen.of(ImportKind.ALL).flatMap(property);
      for (long seed = 0; seed < 40; seed++) {
        assertThat(files.next(new SplittableRandom(seed)).toString())
            .isEqualTo(files.next(new SplittableRandom(seed)).toString());
      }
    }
  }

  @Test
  void differentSeedsMakeEveryKindAndEveryShapeOfHostileFile() {
    Gen<FuzzFile> files = Gen.of(ImportKind.ALL).flatMap(Mutators::hostileFiles);
    List<FuzzFile> made = IntStream.range(0, 400).mapToObj(seed -> files.next(new SplittableRandom(seed))).toList();
    assertThat(made.stream().map(f -> f.kind().kind()).distinct()).hasSize(ImportKind.ALL.size());
    assertThat(made.stream().flatMap(f -> f.breakers().stream()).map(b -> b.getClass().getSimpleName()).distinct())
        .containsExactlyInAnyOrder("EmptyUpload", "NoHeader", "Utf16", "SwallowingQuote", "JunkLine",
            "Utf8RowInGbkFile");
    assertThat(made.stream().map(f -> f.header().broken()).distinct()).hasSize(FuzzFile.HeaderBreak.values().length);
  }

  @Test
  void listsKeepTheirBoundsAndFrequenciesFollowTheirWeights() {
    SplittableRandom random = new SplittableRandom(7);
    Gen<List<Integer>> lists = Gen.ints(3, 5).list(2, 4);
    Gen<String> weighted = Gen.frequency(Gen.weighted(9, Gen.constant("often")), Gen.weighted(1, Gen.constant("rare")));
    int rare = 0;
    for (int i = 0; i < 10_000; i++) {
      List<Integer> list = lists.next(random);
      assertThat(list).hasSizeBetween(2, 4).allSatisfy(n -> assertThat(n).isBetween(3, 5));
      rare += weighted.next(random).equals("rare") ? 1 : 0;
    }
    assertThat(rare).isBetween(800, 1200);
    assertThat(Gen.ints(0, 9).filter(n -> n == 4).next(random)).isEqualTo(4);
  }

  @Test
  void shrinkingKeepsOnlyTheRecordsTheFailureNeeds() {
    List<Body> body = IntStream.range(0, 23).mapToObj(i -> (Body) new Blank(i == 17 ? "\t" : "")).toList();
    FuzzFile failing = new FuzzFile(new PersonsKind(), Header.canonical(), Layout.plain(), body, List.of());
    FuzzFile smaller = Shrinking.smallest(failing, file -> file.body().contains(new Blank("\t")), 100);
    assertThat(smaller.body()).containsExactly(new Blank("\t"));
  }
}
