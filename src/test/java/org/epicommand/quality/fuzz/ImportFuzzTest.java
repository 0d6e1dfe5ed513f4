package org.epicommand.quality.fuzz;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.epicommand.quality.fuzz.FuzzFile.Rendered;
import org.epicommand.support.Api;

/**
 * Fuzzed imports ("Quality gates", part 2): jqwik generates malformed files for every import kind in
 * {@link ImportKind#ALL} and uploads each through {@code POST /api/v1/imports/{kind}?wait=true}, as
 * the kind's demo user. {@link ImportOracle} states the properties checked on every answer.
 *
 * <p><b>How the application runs.</b> jqwik properties do not run under Spring's JUnit Jupiter
 * extension, and jqwik-spring (0.12.0, built for jqwik 1.8 / Spring 6) is not used: instead
 * {@link FuzzApplication} carries {@code @EpiCommandTest} and takes its context from Spring's own
 * {@code TestContextManager}, i.e. from the test context cache, so the properties share the one
 * application (and the one ephemeral embedded PostgreSQL) of every other {@code @EpiCommandTest}
 * class in the JVM; run alone, they start it once.
 *
 * <p><b>Tries and reproducing.</b> 50 + 30 + 20 + 50 files of tens of rows (the big ones past the
 * 64K read buffer), about 15 s once the application runs. jqwik reports the seed of a failure and
 * re-runs the failing sample first next time; to fix the seed or run longer:
 * {@code -Depicommand.fuzz.seed=... -Depicommand.fuzz.tries=...} (see {@link FuzzSettings}). The
 * latest failing file of each property and kind (after shrinking: the smallest) is written to
 * {@code target/fuzz-failures/}, and the failure message shows it line by line.
 *
 * <p><b>Kept out of the generators</b>, because they expose open product bugs (reported when the
 * fuzzer was introduced; {@code -Depicommand.fuzz.knownBugs=true} puts them back, e.g. to check a
 * fix):
 * <ul>
 *   <li>files meant as UTF-8 (with or without a byte-order mark) that are not valid UTF-8 but happen
 *       to be valid GB18030 — e.g. UTF-8 rows plus one GBK row: the product reads the whole file as
 *       GBK, imports the UTF-8 rows garbled, or (with a BOM) fails on a garbled header;</li>
 *   <li>a header whose unterminated quote is on a column the kind does not need: the whole file
 *       vanishes into the header and the import ends DONE with 0 rows;</li>
 *   <li>quoted line breaks in rows after an unterminated quote in the middle of the file: the reader
 *       resumes at the next physical line, inside the multi-line cell, and imports the tail of that
 *       record as a row.</li>
 * </ul>
 */
@AddLifecycleHook(FuzzSettings.class)
class ImportFuzzTest {

  private static FuzzApplication app;
  private static final Map<String, AtomicInteger> TALLY = new ConcurrentHashMap<>();
  private static final AtomicLong BYTES = new AtomicLong();
  private static final AtomicLong RECORDS = new AtomicLong();
  private static long started;

  @BeforeContainer
  static void startApplication() throws Exception {
    started = System.nanoTime();
    app = FuzzApplication.start();
    for (ImportKind kind : ImportKind.ALL) {
      kind.prepare(app);
    }
  }

  @AfterContainer
  static void releaseApplication() throws Exception {
    System.out.printf("Import fuzzing: %s files, %d records, %d KB uploaded in %d s; by property/kind/shape: %s%n",
        TALLY.values().stream().mapToInt(AtomicInteger::get).sum() / 2, RECORDS.get(), BYTES.get() / 1024,
        (System.nanoTime() - started) / 1_000_000_000, new java.util.TreeMap<>(TALLY));
    FuzzApplication.release();
  }

  @Property(tries = 50, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
  void rowLevelDamageIsRejectedLineByLineAndEveryValidRowLands(@ForAll("wellFormedFiles") FuzzFile file) {
    upload("rows", file);
  }

  @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
  void formulaPrefixedTextIsImportedAndStoredAsText(@ForAll("formulaFiles") FuzzFile file) {
    upload("formulas", file);
  }

  @Property(tries = 20, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
  void filesLongerThanTheReadBuffersKeepTheirLineNumbers(@ForAll("bigFiles") FuzzFile file) {
    // past the reader's 64K-character buffer and the charset detection's 64-KB chunks
    upload("big", file, rendered -> new String(rendered.bytes(), StandardCharsets.UTF_8).length() > 65_536);
  }

  @Property(tries = 50, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
  void hostileFilesNeverFailTheServerAndAlwaysAddUp(@ForAll("hostileFiles") FuzzFile file) {
    upload("hostile", file);
  }

  @Provide
  Arbitrary<FuzzFile> wellFormedFiles() {
    return Arbitraries.of(ImportKind.ALL).flatMap(Mutators::wellFormedFiles);
  }

  @Provide
  Arbitrary<FuzzFile> formulaFiles() {
    return Arbitraries.of(ImportKind.ALL).flatMap(Mutators::formulaFiles);
  }

  @Provide
  Arbitrary<FuzzFile> bigFiles() {
    return Arbitraries.of(ImportKind.ALL).flatMap(Mutators::bigFiles);
  }

  @Provide
  Arbitrary<FuzzFile> hostileFiles() {
    return Arbitraries.of(ImportKind.ALL).flatMap(Mutators::hostileFiles);
  }

  private void upload(String property, FuzzFile file) {
    upload(property, file, rendered -> true);
  }

  private void upload(String property, FuzzFile file, Predicate<Rendered> wanted) {
    Rendered rendered = file.render();
    Assume.that(wanted.test(rendered));
    // a UTF-8 file with GBK rows (or the reverse) that happens to be valid GB18030 is read as GBK as a
    // whole and its UTF-8 rows are garbled: an open product bug, kept out (see the class comment)
    Assume.that(FuzzSettings.knownBugs() || !FuzzFile.ambiguousEncoding(rendered));
    ImportKind kind = file.kind();
    String path = "/api/v1/imports/" + kind.kind() + "?wait=true" + (file.layout().charsetParam() ? "&charset=GBK" : "");
    Api.Answer answer = app.api().as(kind.user()).upload(path, "fuzz.csv", rendered.bytes());
    TALLY.computeIfAbsent(property + "/" + kind.kind(), k -> new AtomicInteger()).incrementAndGet();
    TALLY.computeIfAbsent(property + "/" + rendered.shape(), k -> new AtomicInteger()).incrementAndGet();
    BYTES.addAndGet(rendered.bytes().length);
    RECORDS.addAndGet(rendered.outcomes().size());
    List<String> problems = ImportOracle.check(rendered, answer, app.jdbc());
    if (!problems.isEmpty()) {
      Path saved = save(property, kind, rendered);
      fail("%s import, %s: %d problem(s):%n  - %s%nanswer: %s%nfile (saved as %s):%n%s", kind.kind(), rendered.shape(),
          problems.size(), String.join("\n  - ", problems), abbreviate(answer.body()), saved, rendered.dump());
    }
  }

  /** Keeps the latest failing file of a property and kind: after shrinking, the smallest one found. */
  private static Path save(String property, ImportKind kind, Rendered rendered) {
    try {
      Path directory = Files.createDirectories(Path.of("target", "fuzz-failures"));
      Path file = directory.resolve(property + "-" + kind.kind() + ".csv");
      Files.write(file, rendered.bytes());
      return file;
    } catch (IOException e) {
      return null;
    }
  }

  private static String abbreviate(String body) {
    return body == null || body.length() < 4000 ? body : body.substring(0, 4000) + "…";
  }
}
