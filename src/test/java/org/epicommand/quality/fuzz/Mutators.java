package org.epicommand.quality.fuzz;

import static org.epicommand.quality.fuzz.Gen.weighted;

import java.util.ArrayList;
import java.util.List;
import org.epicommand.quality.fuzz.FuzzFile.AllEmpty;
import org.epicommand.quality.fuzz.FuzzFile.BadValue;
import org.epicommand.quality.fuzz.FuzzFile.Blank;
import org.epicommand.quality.fuzz.FuzzFile.Body;
import org.epicommand.quality.fuzz.FuzzFile.Breakage;
import org.epicommand.quality.fuzz.FuzzFile.Breaker;
import org.epicommand.quality.fuzz.FuzzFile.Clash;
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
import org.epicommand.quality.fuzz.ImportKind.ValidRecipe;

/**
 * The generators, shared by every {@link ImportKind}: file layouts, headers, decorations that keep a
 * row valid, breakages that make a row invalid, and whole files for each property. A kind only
 * contributes its valid rows, its broken values and its duplicates.
 *
 * <p>With {@link FuzzSettings#knownBugs()} off, the inputs of the bugs the fuzzer found are left out
 * (see {@link ImportFuzzTest}): files with an unterminated quote or junk in the middle get no
 * multi-line cells, and mixed-encoding files that decode as GB18030 are discarded by the property.
 * Invalid bytes here always include 0xFF, which no GB18030 sequence holds.
 */
final class Mutators {

  static final List<String> FORMULA_PREFIXES = List.of("=", "+", "-", "@");
  static final List<String> FORMULA_PAYLOADS = List.of("SUM(A1:A9)", "1+1", "HYPERLINK(\"http://example.com\",\"点我\")",
      "cmd|' /C calc'!A0", "2*3", "86 ", "", "A1");

  private Mutators() {}

  // ---------------------------------------------------------------- file form

  static Gen<Layout> layouts() {
    Gen<Boolean> gbk = Gen.of(false, false, false, true);
    Gen<Boolean> bom = Gen.of(false, false, true);
    Gen<Eol> eol = Gen.of(Eol.LF, Eol.CRLF, Eol.MIXED);
    Gen<Boolean> trailing = Gen.of(true, true, true, false);
    Gen<Integer> blanks = Gen.frequency(weighted(8, Gen.constant(0)), weighted(1, Gen.constant(1)),
        weighted(1, Gen.constant(2)));
    Gen<Boolean> param = Gen.of(true, false);
    return r -> {
      boolean inGbk = gbk.next(r);
      return new Layout(inGbk, bom.next(r) && !inGbk, eol.next(r), r.nextLong(), trailing.next(r), blanks.next(r),
          param.next(r) && inGbk);
    };
  }

  static Gen<Header> goodHeaders() {
    Gen<Boolean> shuffled = Gen.of(false, false, true);
    Gen<Integer> style = Gen.ints(0, 2);
    Gen<Boolean> rarely = Gen.of(false, false, false, false, true);
    Gen<Integer> extra = Gen.frequency(weighted(6, Gen.constant(-1)), weighted(1, Gen.constant(0)),
        weighted(1, Gen.constant(3)), weighted(1, Gen.constant(9)));
    return r -> new Header(r.nextLong(), shuffled.next(r), style.next(r), rarely.next(r), rarely.next(r), extra.next(r),
        HeaderBreak.NONE);
  }

  static Gen<Header> brokenHeaders() {
    Gen<Header> good = goodHeaders();
    Gen<HeaderBreak> broken = Gen.of(HeaderBreak.MISSING_COLUMN, HeaderBreak.MISSPELLED_COLUMN,
        HeaderBreak.CHINESE_NAMES,
        HeaderBreak.UNTERMINATED_QUOTE);
    return r -> {
      Header h = good.next(r);
      return new Header(h.orderSeed(), h.shuffled(), h.caseStyle(), h.padded(), h.quoted(), h.extraAt(),
          broken.next(r));
    };
  }

  // ---------------------------------------------------------------- rows

  static Gen<Decoration> formulas() {
    Gen<Integer> column = Gen.ints(0, 3);
    Gen<String> prefix = Gen.of(FORMULA_PREFIXES);
    Gen<String> payload = Gen.of(FORMULA_PAYLOADS);
    return r -> new Formula(column.next(r), prefix.next(r), payload.next(r));
  }

  /** Changes that keep a row valid: text with formula prefixes, quotes, commas, line breaks; padding; a stray quote. */
  static Gen<Decoration> decorations(boolean utf8, boolean lineBreaks) {
    List<String> specials = new ArrayList<>(List.of(",", "\"", "，", "\"\"", "'", "a\"b,c", "\u3000"));
    if (lineBreaks) {
      specials.addAll(List.of("\n", "\r\n", "\r", "a\"b,c\nd"));
    }
    if (utf8) {
      specials.add("😀");
    }
    Gen<Integer> column = Gen.ints(0, 3);
    Gen<String> special = Gen.of(specials);
    return Gen.frequency(
        weighted(5, Gen.constant(new Plain())),
        weighted(2, formulas()),
        weighted(2, r -> new Special(column.next(r), special.next(r))),
        weighted(1, Gen.ints(1, 255).map(Padded::new)),
        weighted(1, column.map(StrayQuote::new)));
  }

  /** Ways to break a row, CSV-level or by the kind's rules; never an unterminated quote (that is only ever last). */
  static Gen<Breakage> breakages(ImportKind kind, boolean utf8, boolean big) {
    Gen<Integer> column = Gen.ints(0, 9);
    Gen<Breakage> huge = hugeCells();
    Gen<Integer> longCells = Gen.ints(100, 400);
    Gen<Integer> longLength = Gen.ints(20, 80);
    Gen<Breakage> longLine = r -> new LongLine(longCells.next(r), longLength.next(r));
    if (big) {
      return Gen.oneOf(huge, longLine);
    }
    Gen<Integer> missing = Gen.ints(1, 7);
    Gen<String> trailing = Gen.of("x", " ", "尾", "1");
    List<Gen.Weighted<? extends Breakage>> choices = new ArrayList<>(List.of(
        weighted(2, r -> new MissingCells(missing.next(r), r.nextLong())),
        weighted(2, Gen.of("", "x", "多余", "=1", "\"q\"").list(1, 3).map(ExtraCells::new)),
        weighted(1, Gen.ints(501, 620).map(ManyCells::new)),
        weighted(1, longLine),
        weighted(1, huge),
        weighted(2, r -> new TextAfterQuote(column.next(r), trailing.next(r))),
        weighted(1, Gen.constant(new AllEmpty())),
        weighted(6, kind.invalidations().map(BadValue::new)),
        weighted(1, Gen.ints(0, 3).map(NulChar::new))));
    if (utf8) {
      Gen<List<Byte>> invalid = invalidBytes(0, 4);
      choices.add(weighted(2, r -> new InvalidBytes(column.next(r), invalid.next(r))));
      if (!kind.textColumns().isEmpty()) {
        // a row without Chinese text reads the same in GBK and UTF-8: only kinds with free text can show it
        choices.add(weighted(1, Gen.constant(new GbkRow())));
      }
    }
    return Gen.frequency(choices);
  }

  /** One cell of 10,001 to 16,000 characters, quoted or not. */
  static Gen<Breakage> hugeCells() {
    Gen<Integer> column = Gen.ints(0, 9);
    Gen<Integer> length = Gen.frequency(weighted(1, Gen.constant(10_001)), weighted(3, Gen.constant(12_000)),
        weighted(2, Gen.constant(16_000)));
    Gen<Boolean> quoted = Gen.of(true, false);
    return r -> new HugeCell(column.next(r), length.next(r), quoted.next(r));
  }

  /** Bytes from 0x80 to 0xFF with at least one 0xFF, so that the file decodes neither as UTF-8 nor as GB18030. */
  static Gen<List<Byte>> invalidBytes(int min, int max) {
    Gen<List<Byte>> bytes = Gen.bytes(0x80, 0xFF).list(min, max);
    Gen<Integer> at = Gen.ints(0, max);
    return r -> {
      List<Byte> all = new ArrayList<>(bytes.next(r));
      all.add(Math.min(at.next(r), all.size()), (byte) 0xFF);
      return all;
    };
  }

  static Gen<Body> bodies(ImportKind kind, boolean utf8) {
    return bodies(kind, utf8, true);
  }

  /**
   * {@code lineBreaks = false}: no quoted line breaks in valid rows, for files with an unterminated
   * quote or junk in the middle when known bugs are off: the reader once resumed at the next physical
   * line, inside a multi-line cell, and imported the tail of a record as a row (see {@link ImportFuzzTest}).
   */
  static Gen<Body> bodies(ImportKind kind, boolean utf8, boolean lineBreaks) {
    Gen<? extends ValidRecipe> rows = kind.validRows();
    Gen<Decoration> decorations = decorations(utf8, lineBreaks);
    Gen<Breakage> breakages = breakages(kind, utf8, false);
    Gen<Integer> quotes = Gen.ints(0, 1000);
    Gen<Integer> pick = Gen.ints(0, 50);
    return Gen.frequency(
        weighted(6, r -> new Valid(rows.next(r), decorations.next(r), quotes.next(r))),
        weighted(5, r -> new Broken(rows.next(r), breakages.next(r), quotes.next(r))),
        weighted(1, r -> new Duplicate(pick.next(r), rows.next(r))),
        weighted(1, Gen.of("", "", "  ", "\t").map(Blank::new)));
  }

  // ---------------------------------------------------------------- files

  /**
   * A good header and any mix of valid rows and row-level damage, sometimes ending in a truncated
   * row (an unterminated quote on the last line): the outcome of every record is known.
   */
  static Gen<FuzzFile> wellFormedFiles(ImportKind kind) {
    Gen<? extends ValidRecipe> rows = kind.validRows();
    Gen<Integer> column = Gen.ints(0, 9);
    Gen<List<Body>> truncated = Gen.frequency(weighted(3, Gen.constant(List.<Body>of())),
        weighted(1, r -> List.<Body>of(new Broken(rows.next(r), new UnterminatedQuote(column.next(r)), 0))));
    Gen<Header> headers = goodHeaders();
    return layouts().flatMap(layout -> {
      Gen<List<Body>> body = bodies(kind, !layout.gbk()).list(0, 25);
      return r -> {
        Header header = headers.next(r);
        List<Body> all = new ArrayList<>(body.next(r));
        all.addAll(truncated.next(r));
        return new FuzzFile(kind, header, layout, all, List.of());
      };
    });
  }

  /**
   * Valid rows and rows that repeat an earlier row's value in a column that must be unique (for kinds
   * that have one): each repeat rejected on its line, every other row imported.
   */
  static Gen<FuzzFile> clashFiles(ImportKind kind) {
    Gen<? extends ValidRecipe> rows = kind.validRows();
    Gen<Integer> pick = Gen.ints(0, 50);
    Gen<Body> row = Gen.frequency(weighted(3, r -> new Valid(rows.next(r), new Plain(), 0)),
        weighted(2, r -> new Clash(pick.next(r), rows.next(r))));
    return file(kind, layouts(), goodHeaders(), row.list(2, 20));
  }

  /** Valid rows only, most of them with formula-prefixed text. */
  static Gen<FuzzFile> formulaFiles(ImportKind kind) {
    Gen<? extends ValidRecipe> rows = kind.validRows();
    Gen<Decoration> decoration = Gen.frequency(weighted(4, formulas()), weighted(1, Gen.constant(new Plain())));
    Gen<Integer> quotes = Gen.ints(0, 1000);
    Gen<Body> row = r -> new Valid(rows.next(r), decoration.next(r), quotes.next(r));
    return file(kind, layouts(), goodHeaders(), row.list(1, 12));
  }

  /** Files past the 64K-character read buffer: huge cells and long lines among valid rows, multi-byte text throughout.
   * */
  static Gen<FuzzFile> bigFiles(ImportKind kind) {
    Gen<? extends ValidRecipe> rows = kind.validRows();
    Gen<Integer> quotes = Gen.ints(0, 1000);
    Gen<Decoration> decorations = decorations(true, true);
    Gen<Breakage> bigBreakages = breakages(kind, true, true);
    Gen<Breakage> hugeCells = hugeCells();
    Gen<Body> valid = r -> new Valid(rows.next(r), decorations.next(r), quotes.next(r));
    Gen<Body> big = r -> new Broken(rows.next(r), bigBreakages.next(r), quotes.next(r));
    Gen<Body> huge = r -> new Broken(rows.next(r), hugeCells.next(r), quotes.next(r));
    Gen<List<Body>> mixed = Gen.frequency(weighted(3, valid), weighted(1, big)).list(12, 30);
    Gen<List<Body>> bigs = huge.list(6, 8);
    Gen<List<Body>> body = r -> {
      List<Body> all = new ArrayList<>(mixed.next(r));
      List<Body> spread = bigs.next(r);
      for (int i = 0; i < spread.size(); i++) {
        all.add(Math.min(all.size(), i * 5), spread.get(i));
      }
      return all;
    };
    return file(kind, layouts().filter(l -> !l.gbk()), goodHeaders(), body);
  }

  /**
   * Files the oracle cannot fully predict or that the import must refuse as a whole: empty uploads,
   * no header, broken headers, header-only files, UTF-16, unterminated quotes in the middle, junk
   * bytes, UTF-8 rows in GBK files.
   */
  static Gen<FuzzFile> hostileFiles(ImportKind kind) {
    Gen<Integer> at = Gen.ints(0, 12);
    Gen<List<Body>> some = bodies(kind, true).list(1, 12);
    Gen<Layout> utf8Layouts = layouts().filter(l -> !l.gbk());
    Gen<FuzzFile> empty = Gen.constant(new FuzzFile(kind, Header.canonical(), Layout.plain(), List.of(),
        List.of(new EmptyUpload())));
    Gen<String> blankContent = Gen.of("", "\n", "\r\n\r\n", "  \n", "\t", " , , \n", "\n\n\n");
    Gen<Boolean> bom = Gen.of(true, false);
    Gen<FuzzFile> noHeader = r -> {
      String content = blankContent.next(r);
      boolean withBom = bom.next(r) || content.isEmpty();
      return new FuzzFile(kind, Header.canonical(), Layout.plain(), List.of(), List.of(new NoHeader(content, withBom)));
    };
    Gen<List<Body>> blanks = Gen.of("", "\n", "\r\n").<Body>map(Blank::new).list(0, 3);
    Gen<FuzzFile> headerOnly = file(kind, layouts(), goodHeaders(), blanks);
    Gen<FuzzFile> badHeader = file(kind, utf8Layouts, brokenHeaders(), some);
    Gen<Header> headers = goodHeaders();
    Gen<FuzzFile> utf16 = r -> new FuzzFile(kind, headers.next(r), Layout.plain(), some.next(r), List.of(new Utf16()));
    Gen<List<Byte>> junk = Gen.bytes(0, 255).list(0, 40);
    Gen<Breaker> breaker = Gen.oneOf(
        at.map(SwallowingQuote::new),
        r -> {
          int i = at.next(r);
          List<Byte> all = new ArrayList<>(junk.next(r));
          all.add(all.size() / 2, (byte) 0xFF);
          return new JunkLine(i, all);
        });
    Gen<List<Body>> damagedBody = bodies(kind, true, FuzzSettings.knownBugs()).list(1, 12);
    Gen<List<Breaker>> breakers = breaker.list(1, 2);
    Gen<FuzzFile> damaged = r -> new FuzzFile(kind, headers.next(r), utf8Layouts.next(r), damagedBody.next(r),
        breakers.next(r));
    Gen<Layout> gbkLayouts = layouts().filter(Layout::gbk)
        // never with ?charset=GBK: that would make reading the UTF-8 row as GBK the uploader's own choice
        .map(l -> new Layout(true, false, l.eol(), l.eolSeed(), l.trailingEol(), l.leadingBlankLines(), false));
    Gen<List<Body>> gbkBody = bodies(kind, false).list(1, 12);
    Gen<FuzzFile> utf8InGbk = r -> new FuzzFile(kind, headers.next(r), gbkLayouts.next(r), gbkBody.next(r),
        List.of(new Utf8RowInGbkFile(at.next(r))));
    return Gen.frequency(weighted(1, empty), weighted(2, noHeader), weighted(2, headerOnly), weighted(3, badHeader),
        weighted(1, utf16), weighted(4, damaged), weighted(2, utf8InGbk));
  }

  /** A file without breakers. */
  private static Gen<FuzzFile> file(ImportKind kind, Gen<Layout> layouts, Gen<Header> headers, Gen<List<Body>> bodies) {
    return r -> new FuzzFile(kind, headers.next(r), layouts.next(r), bodies.next(r), List.of());
  }
}
