package org.epicommand.quality.fuzz;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.epicommand.quality.fuzz.FuzzFile.AllEmpty;
import org.epicommand.quality.fuzz.FuzzFile.BadValue;
import org.epicommand.quality.fuzz.FuzzFile.Blank;
import org.epicommand.quality.fuzz.FuzzFile.Body;
import org.epicommand.quality.fuzz.FuzzFile.Breakage;
import org.epicommand.quality.fuzz.FuzzFile.Breaker;
import org.epicommand.quality.fuzz.FuzzFile.Broken;
import org.epicommand.quality.fuzz.FuzzFile.Decoration;
import org.epicommand.quality.fuzz.FuzzFile.Duplicate;
import org.epicommand.quality.fuzz.FuzzFile.EmptyUpload;
import org.epicommand.quality.fuzz.FuzzFile.Eol;
import org.epicommand.quality.fuzz.FuzzFile.ExtraCells;
import org.epicommand.quality.fuzz.FuzzFile.Formula;
import org.epicommand.quality.fuzz.FuzzFile.GbkRow;
import org.epicommand.quality.fuzz.FuzzFile.Header;
import org.epicommand.quality.fuzz.FuzzFile.HeaderBreak;
import org.epicommand.quality.fuzz.FuzzFile.HugeCell;
import org.epicommand.quality.fuzz.FuzzFile.InvalidBytes;
import org.epicommand.quality.fuzz.FuzzFile.JunkLine;
import org.epicommand.quality.fuzz.FuzzFile.Layout;
import org.epicommand.quality.fuzz.FuzzFile.LongLine;
import org.epicommand.quality.fuzz.FuzzFile.ManyCells;
import org.epicommand.quality.fuzz.FuzzFile.MissingCells;
import org.epicommand.quality.fuzz.FuzzFile.NoHeader;
import org.epicommand.quality.fuzz.FuzzFile.NulChar;
import org.epicommand.quality.fuzz.FuzzFile.Padded;
import org.epicommand.quality.fuzz.FuzzFile.Plain;
import org.epicommand.quality.fuzz.FuzzFile.Special;
import org.epicommand.quality.fuzz.FuzzFile.StrayQuote;
import org.epicommand.quality.fuzz.FuzzFile.SwallowingQuote;
import org.epicommand.quality.fuzz.FuzzFile.TextAfterQuote;
import org.epicommand.quality.fuzz.FuzzFile.UnterminatedQuote;
import org.epicommand.quality.fuzz.FuzzFile.Utf16;
import org.epicommand.quality.fuzz.FuzzFile.Utf8RowInGbkFile;
import org.epicommand.quality.fuzz.FuzzFile.Valid;

/**
 * The generators, shared by every {@link ImportKind}: file layouts, headers, decorations that keep a
 * row valid, breakages that make a row invalid, and whole files for each property. A kind only
 * contributes its valid rows, its broken values and its duplicates.
 *
 * <p>Inputs that expose open product bugs are kept out unless {@link FuzzSettings#knownBugs()} (see
 * {@link ImportFuzzTest}): invalid bytes here always include 0xFF, which no GB18030 sequence holds;
 * files with an unterminated quote or junk in the middle get no multi-line cells; mixed-encoding
 * files that decode as GB18030 are discarded by the property.
 */
final class Mutators {

  static final List<String> FORMULA_PREFIXES = List.of("=", "+", "-", "@");
  static final List<String> FORMULA_PAYLOADS = List.of("SUM(A1:A9)", "1+1", "HYPERLINK(\"http://example.com\",\"点我\")",
      "cmd|' /C calc'!A0", "2*3", "86 ", "", "A1");

  private Mutators() {}

  // ---------------------------------------------------------------- file form

  static Arbitrary<Layout> layouts() {
    return Combinators.combine(
        Arbitraries.of(false, false, false, true),
        Arbitraries.of(false, false, true),
        Arbitraries.of(Eol.LF, Eol.CRLF, Eol.MIXED),
        Arbitraries.longs(),
        Arbitraries.of(true, true, true, false),
        Arbitraries.frequency(Tuple.of(8, 0), Tuple.of(1, 1), Tuple.of(1, 2)),
        Arbitraries.of(true, false))
        .as((gbk, bom, eol, seed, trailing, blanks, param) -> new Layout(gbk, bom && !gbk, eol, seed, trailing, blanks,
            gbk && param));
  }

  static Arbitrary<Header> goodHeaders() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.of(false, false, true), Arbitraries.integers().between(0, 2),
        Arbitraries.of(false, false, false, false, true), Arbitraries.of(false, false, false, false, true),
        Arbitraries.frequency(Tuple.of(6, -1), Tuple.of(1, 0), Tuple.of(1, 3), Tuple.of(1, 9)))
        .as((seed, shuffled, style, padded, quoted, extra) -> new Header(seed, shuffled, style, padded, quoted, extra,
            HeaderBreak.NONE));
  }

  static Arbitrary<Header> brokenHeaders() {
    return Combinators.combine(goodHeaders(), Arbitraries.of(HeaderBreak.MISSING_COLUMN, HeaderBreak.MISSPELLED_COLUMN,
            HeaderBreak.CHINESE_NAMES, HeaderBreak.UNTERMINATED_QUOTE))
        .as((h, broken) -> new Header(h.orderSeed(), h.shuffled(), h.caseStyle(), h.padded(), h.quoted(), h.extraAt(),
            broken));
  }

  // ---------------------------------------------------------------- rows

  static Arbitrary<Decoration> formulas() {
    return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(FORMULA_PREFIXES),
        Arbitraries.of(FORMULA_PAYLOADS)).as(Formula::new);
  }

  /** Changes that keep a row valid: text with formula prefixes, quotes, commas, line breaks; padding; a stray quote. */
  static Arbitrary<Decoration> decorations(boolean utf8, boolean lineBreaks) {
    List<String> specials = new ArrayList<>(List.of(",", "\"", "，", "\"\"", "'", "a\"b,c", "\u3000"));
    if (lineBreaks) {
      specials.addAll(List.of("\n", "\r\n", "\r", "a\"b,c\nd"));
    }
    if (utf8) {
      specials.add("😀");
    }
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.just(new Plain())),
        Tuple.of(2, formulas()),
        Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(specials)).as(Special::new)),
        Tuple.of(1, Arbitraries.integers().between(1, 255).map(Padded::new)),
        Tuple.of(1, Arbitraries.integers().between(0, 3).map(StrayQuote::new)));
  }

  /** Ways to break a row, CSV-level or by the kind's rules; never an unterminated quote (that is only ever last). */
  static Arbitrary<Breakage> breakages(ImportKind kind, boolean utf8, boolean big) {
    Arbitrary<Integer> column = Arbitraries.integers().between(0, 9);
    Arbitrary<Breakage> huge = hugeCells();
    Arbitrary<Breakage> longLine = Combinators.combine(Arbitraries.integers().between(100, 400),
        Arbitraries.integers().between(20, 80)).as(LongLine::new);
    if (big) {
      return Arbitraries.oneOf(huge, longLine);
    }
    List<Tuple.Tuple2<Integer, Arbitrary<Breakage>>> choices = new ArrayList<>(List.of(
        weighted(2, Combinators.combine(Arbitraries.integers().between(1, 7), Arbitraries.longs()).as(MissingCells::new)),
        weighted(2, Arbitraries.of("", "x", "多余", "=1", "\"q\"").list().ofMinSize(1).ofMaxSize(3).map(ExtraCells::new)),
        weighted(1, Arbitraries.integers().between(501, 620).map(ManyCells::new)),
        weighted(1, longLine),
        weighted(1, huge),
        weighted(2, Combinators.combine(column, Arbitraries.of("x", " ", "尾", "1")).as(TextAfterQuote::new)),
        weighted(1, Arbitraries.just(new AllEmpty())),
        weighted(6, kind.invalidations().map(BadValue::new)),
        weighted(1, Arbitraries.integers().between(0, 3).map(NulChar::new))));
    if (utf8) {
      choices.add(weighted(2, Combinators.combine(column, invalidBytes(0, 4)).as(InvalidBytes::new)));
      if (!kind.textColumns().isEmpty()) {
        // a row without Chinese text reads the same in GBK and UTF-8: only kinds with free text can show it
        choices.add(weighted(1, Arbitraries.just(new GbkRow())));
      }
    }
    return Arbitraries.frequencyOf(choices);
  }

  private static Tuple.Tuple2<Integer, Arbitrary<Breakage>> weighted(int weight, Arbitrary<? extends Breakage> breakage) {
    return Tuple.of(weight, breakage.map(b -> (Breakage) b));
  }

  /** One cell of 10,001 to 16,000 characters, quoted or not. */
  static Arbitrary<Breakage> hugeCells() {
    return Combinators.combine(Arbitraries.integers().between(0, 9),
        Arbitraries.frequency(Tuple.of(1, 10_001), Tuple.of(3, 12_000), Tuple.of(2, 16_000)),
        Arbitraries.of(true, false)).as(HugeCell::new);
  }

  /** Bytes from 0x80 to 0xFF with at least one 0xFF, so that the file decodes neither as UTF-8 nor as GB18030. */
  static Arbitrary<List<Byte>> invalidBytes(int min, int max) {
    return Combinators.combine(Arbitraries.integers().between(0x80, 0xFF).map(i -> (byte) (int) i).list()
        .ofMinSize(min).ofMaxSize(max), Arbitraries.integers().between(0, max))
        .as((bytes, at) -> {
          List<Byte> all = new ArrayList<>(bytes);
          all.add(Math.min(at, all.size()), (byte) 0xFF);
          return all;
        });
  }

  static Arbitrary<Body> bodies(ImportKind kind, boolean utf8) {
    return bodies(kind, utf8, true);
  }

  /**
   * {@code lineBreaks = false}: no quoted line breaks in valid rows. Files with an unterminated quote
   * or junk in the middle need that: the reader resumes at the next physical line, and inside a
   * multi-line cell that imports the tail of a record as a row (open bug, see {@link ImportFuzzTest}).
   */
  static Arbitrary<Body> bodies(ImportKind kind, boolean utf8, boolean lineBreaks) {
    Arbitrary<Integer> quotes = Arbitraries.integers().between(0, 1000);
    return Arbitraries.frequencyOf(
        Tuple.of(6, Combinators.combine(kind.validRows(), decorations(utf8, lineBreaks), quotes).as(Valid::new)),
        Tuple.of(5, Combinators.combine(kind.validRows(), breakages(kind, utf8, false), quotes).as(Broken::new)),
        Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 50), kind.validRows()).as(Duplicate::new)),
        Tuple.of(1, Arbitraries.of("", "", "  ", "\t").map(Blank::new)));
  }

  // ---------------------------------------------------------------- files

  /**
   * A good header and any mix of valid rows and row-level damage, sometimes ending in a truncated
   * row (an unterminated quote on the last line): the outcome of every record is known.
   */
  static Arbitrary<FuzzFile> wellFormedFiles(ImportKind kind) {
    return layouts().flatMap(layout -> Combinators.combine(goodHeaders(),
        bodies(kind, !layout.gbk()).list().ofMaxSize(25),
        Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.<Body>of())),
            Tuple.of(1, Combinators.combine(kind.validRows(), Arbitraries.integers().between(0, 9))
                .as((row, col) -> List.<Body>of(new Broken(row, new UnterminatedQuote(col), 0))))))
        .as((header, body, last) -> {
          List<Body> all = new ArrayList<>(body);
          all.addAll(last);
          return new FuzzFile(kind, header, layout, all, List.of());
        }));
  }

  /** Valid rows only, most of them with formula-prefixed text. */
  static Arbitrary<FuzzFile> formulaFiles(ImportKind kind) {
    Arbitrary<Body> row = Combinators.combine(kind.validRows(),
        Arbitraries.frequencyOf(Tuple.of(4, formulas()), Tuple.of(1, Arbitraries.just(new Plain()))),
        Arbitraries.integers().between(0, 1000)).as(Valid::new);
    return Combinators.combine(layouts(), goodHeaders(), row.list().ofMinSize(1).ofMaxSize(12))
        .as((layout, header, body) -> new FuzzFile(kind, header, layout, body, List.of()));
  }

  /** Files past the 64K-character read buffer: huge cells and long lines among valid rows, multi-byte text throughout. */
  static Arbitrary<FuzzFile> bigFiles(ImportKind kind) {
    Arbitrary<Integer> quotes = Arbitraries.integers().between(0, 1000);
    Arbitrary<Body> valid = Combinators.combine(kind.validRows(), decorations(true, true), quotes).as(Valid::new);
    Arbitrary<Body> big = Combinators.combine(kind.validRows(), breakages(kind, true, true), quotes).as(Broken::new);
    Arbitrary<Body> huge = Combinators.combine(kind.validRows(), hugeCells(), quotes).as(Broken::new);
    Arbitrary<Body> body = Arbitraries.frequencyOf(Tuple.of(3, valid), Tuple.of(1, big));
    return Combinators.combine(layouts().filter(l -> !l.gbk()), goodHeaders(), body.list().ofMinSize(12).ofMaxSize(30),
            huge.list().ofMinSize(6).ofMaxSize(8))
        .as((layout, header, mixed, bigs) -> {
          List<Body> all = new ArrayList<>(mixed);
          for (int i = 0; i < bigs.size(); i++) {
            all.add(Math.min(all.size(), i * 5), bigs.get(i));
          }
          return new FuzzFile(kind, header, layout, all, List.of());
        });
  }

  /**
   * Files the oracle cannot fully predict or that the import must refuse as a whole: empty uploads,
   * no header, broken headers, header-only files, UTF-16, unterminated quotes in the middle, junk
   * bytes, UTF-8 rows in GBK files.
   */
  static Arbitrary<FuzzFile> hostileFiles(ImportKind kind) {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, 12);
    Arbitrary<List<Body>> some = bodies(kind, true).list().ofMinSize(1).ofMaxSize(12);
    Arbitrary<FuzzFile> empty = Arbitraries.just(new FuzzFile(kind, Header.canonical(), Layout.plain(), List.of(),
        List.of(new EmptyUpload())));
    Arbitrary<FuzzFile> noHeader = Combinators.combine(Arbitraries.of("", "\n", "\r\n\r\n", "  \n", "\t", " , , \n",
            "\n\n\n"), Arbitraries.of(true, false))
        .as((content, bom) -> new FuzzFile(kind, Header.canonical(), Layout.plain(), List.of(),
            List.of(new NoHeader(content, bom || content.isEmpty()))));
    Arbitrary<FuzzFile> headerOnly = Combinators.combine(layouts(), goodHeaders(),
            Arbitraries.of("", "\n", "\r\n").map(Blank::new).map(b -> (Body) b).list().ofMaxSize(3))
        .as((layout, header, blanks) -> new FuzzFile(kind, header, layout, blanks, List.of()));
    Arbitrary<FuzzFile> badHeader = Combinators.combine(layouts().filter(l -> !l.gbk()), brokenHeaders(), some)
        .as((layout, header, body) -> new FuzzFile(kind, header, layout, body, List.of()));
    Arbitrary<FuzzFile> utf16 = Combinators.combine(goodHeaders(), some)
        .as((header, body) -> new FuzzFile(kind, header, Layout.plain(), body, List.of(new Utf16())));
    Arbitrary<Breaker> breaker = Arbitraries.oneOf(
        at.map(SwallowingQuote::new),
        Combinators.combine(at, Arbitraries.integers().between(0, 255).map(i -> (byte) (int) i).list().ofMaxSize(40))
            .as((i, bytes) -> {
              List<Byte> all = new ArrayList<>(bytes);
              all.add(all.size() / 2, (byte) 0xFF);
              return new JunkLine(i, all);
            }));
    Arbitrary<FuzzFile> damaged = Combinators.combine(layouts().filter(l -> !l.gbk()), goodHeaders(),
            bodies(kind, true, FuzzSettings.knownBugs()).list().ofMinSize(1).ofMaxSize(12),
            breaker.list().ofMinSize(1).ofMaxSize(2))
        .as((layout, header, body, breakers) -> new FuzzFile(kind, header, layout, body, breakers));
    Arbitrary<FuzzFile> utf8InGbk = Combinators.combine(layouts().filter(Layout::gbk), goodHeaders(),
            bodies(kind, false).list().ofMinSize(1).ofMaxSize(12), at)
        // never with ?charset=GBK: that would make reading the UTF-8 row as GBK the uploader's own choice
        .as((layout, header, body, i) -> new FuzzFile(kind, header, new Layout(true, false, layout.eol(), layout.eolSeed(),
            layout.trailingEol(), layout.leadingBlankLines(), false), body, List.of(new Utf8RowInGbkFile(i))));
    return Arbitraries.frequencyOf(Tuple.of(1, empty), Tuple.of(2, noHeader), Tuple.of(2, headerOnly),
        Tuple.of(3, badHeader), Tuple.of(1, utf16), Tuple.of(4, damaged), Tuple.of(2, utf8InGbk));
  }
}
