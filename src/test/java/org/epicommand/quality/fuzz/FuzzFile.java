package org.epicommand.quality.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.epicommand.quality.fuzz.ImportKind.Invalidation;
import org.epicommand.quality.fuzz.ImportKind.ValidRecipe;

/**
 * A generated import file: what the generator decided (pure data, so it can be shrunk and printed),
 * and its rendering into bytes together with the oracle — for every record, the line it starts on
 * and what the import must do with it. Unique keys are drawn only while rendering, so shrinking and
 * re-running never collide with rows an earlier try stored.
 */
record FuzzFile(ImportKind kind, Header header, Layout layout, List<Body> body, List<Breaker> breakers) {

  static final Charset GBK = Charset.forName("GBK");
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  // ---------------------------------------------------------------- what the generator decides

  /** The header line: column order, spelling, and an optional extra column (or a broken header). */
  record Header(long orderSeed, boolean shuffled, int caseStyle, boolean padded, boolean quoted, int extraAt,
      HeaderBreak broken) {

    static Header canonical() {
      return new Header(0, false, 0, false, false, -1, HeaderBreak.NONE);
    }
  }

  enum HeaderBreak { NONE, MISSING_COLUMN, MISSPELLED_COLUMN, CHINESE_NAMES, UNTERMINATED_QUOTE }

  /** File-wide form: encoding, byte-order mark, line ends, trailing line end, blank lines before the header. */
  record Layout(boolean gbk, boolean bom, Eol eol, long eolSeed, boolean trailingEol, int leadingBlankLines,
      boolean charsetParam) {

    static Layout plain() {
      return new Layout(false, false, Eol.LF, 0, true, 0, false);
    }
  }

  enum Eol { LF, CRLF, MIXED }

  /** One record of the body. */
  sealed interface Body permits Valid, Broken, Duplicate, Clash, Blank {}

  /** A valid, unique row, possibly decorated in ways that keep it valid; it must be imported. */
  record Valid(ValidRecipe recipe, Decoration decoration, int quotes) implements Body {}

  /** A row broken in one way; it must be rejected with its line number. */
  record Broken(ValidRecipe recipe, Breakage breakage, int quotes) implements Body {}

  /** A repeat of an earlier valid row of the file (a fresh valid row when there is none yet). */
  record Duplicate(int pick, ValidRecipe fallback) implements Body {}

  /**
   * A fresh row that repeats an earlier valid row's values in the kind's {@linkplain
   * ImportKind#uniqueColumns() unique columns} (a fresh valid row when no earlier one has them all).
   */
  record Clash(int pick, ValidRecipe fresh) implements Body {}

  /** An empty line (skipped) or a whitespace-only one (skipped or rejected, never imported). */
  record Blank(String content) implements Body {}

  /** Changes to a valid row that keep it valid. */
  sealed interface Decoration permits Plain, Formula, Special, Padded, StrayQuote {}

  record Plain() implements Decoration {}

  /** A text value starting with {@code = + - @}: data, stored as given, never an error. */
  record Formula(int textColumn, String prefix, String payload) implements Decoration {}

  /** A comma, quote, line break, emoji... inside a text value, quoted correctly. */
  record Special(int textColumn, String special) implements Decoration {}

  /** Spaces around the cells of the mask. */
  record Padded(int mask) implements Decoration {}

  /** A bare quote inside an unquoted text value: imported as text or rejected, either is fine. */
  record StrayQuote(int textColumn) implements Decoration {}

  /** How a row is broken. */
  sealed interface Breakage permits MissingCells, ExtraCells, ManyCells, LongLine, HugeCell, InvalidBytes,
      TextAfterQuote, AllEmpty, BadValue, NulChar, GbkRow, UnterminatedQuote {}

  record MissingCells(int count, long seed) implements Breakage {}

  record ExtraCells(List<String> values) implements Breakage {}

  /** More than 500 cells. */
  record ManyCells(int count) implements Breakage {}

  /** A very long line (2,000 to 32,000 characters): many extra cells. */
  record LongLine(int cells, int length) implements Breakage {}

  /** One cell over 10,000 characters. */
  record HugeCell(int column, int length, boolean quoted) implements Breakage {}

  /** Bytes that are neither UTF-8 nor GBK inside a cell of a UTF-8 file (always with 0xFF). */
  record InvalidBytes(int column, List<Byte> bytes) implements Breakage {
    @Override
    public String toString() {
      StringBuilder hex = new StringBuilder();
      bytes.forEach(b -> hex.append(String.format("\\x%02X", b)));
      return "InvalidBytes[column=" + column + ", bytes=" + hex + "]";
    }
  }

  /** {@code "abc"x}: text after a closing quote. */
  record TextAfterQuote(int column, String trailing) implements Breakage {}

  /** Every cell empty (the right number of commas). */
  record AllEmpty() implements Breakage {}

  /** One value broken by the kind's rules. */
  record BadValue(Invalidation invalidation) implements Breakage {}

  /** A NUL character inside a text value (PostgreSQL cannot store it). */
  record NulChar(int textColumn) implements Breakage {}

  /** The row encoded in GBK inside a UTF-8 file. */
  record GbkRow() implements Breakage {}

  /** A quote that never closes: only ever the last record, as in a truncated file. */
  record UnterminatedQuote(int column) implements Breakage {}

  /** Damage after which the oracle cannot know the rows any more (the file stays checkable for invariants). */
  sealed interface Breaker permits SwallowingQuote, JunkLine, Utf8RowInGbkFile, Utf16, NoHeader, EmptyUpload {}

  /** An unterminated quote before the record at {@code at}: the reader swallows what follows. */
  record SwallowingQuote(int at) implements Breaker {}

  /** A line of random bytes (always with 0xFF, so the file is neither UTF-8 nor GBK) before the record at {@code at}.
   * */
  record JunkLine(int at, List<Byte> bytes) implements Breaker {
    @Override
    public String toString() {
      StringBuilder hex = new StringBuilder();
      bytes.forEach(b -> hex.append(String.format("\\x%02X", b)));
      return "JunkLine[at=" + at + ", bytes=" + hex + "]";
    }
  }

  /** A GBK file with the record at {@code at} in UTF-8. */
  record Utf8RowInGbkFile(int at) implements Breaker {}

  /** The whole file in UTF-16 (little endian, with its byte-order mark): a header problem. */
  record Utf16() implements Breaker {}

  /** No header at all: {@code content} only (a byte-order mark, blank or whitespace lines). */
  record NoHeader(String content, boolean bom) implements Breaker {}

  /** A file of zero bytes. */
  record EmptyUpload() implements Breaker {}

  // ---------------------------------------------------------------- what the import must do

  enum Expect { IMPORTED, IMPORTED_OR_REJECTED, REJECTED, SKIPPED, SKIPPED_OR_REJECTED }

  /** How well the oracle knows the outcome. */
  enum Shape {
    /** Every record known: exact counts, error lines and stored text. */
    EXACT,
    /** The header is fine but some damage hides the rows after it: invariants, and exactness before the damage. */
    LOOSE,
    /** A header problem: FAILED with a message, nothing counted. */
    BAD_HEADER,
    /** A zero-byte upload: 400 (the upload is refused) or FAILED with a message. */
    EMPTY_UPLOAD
  }

  /**
   * One record as rendered: the line it starts on, the expectation, for valid rows the key and the text to
   * find stored, and for a rejection whose cause is known the field its error must name (else null).
   */
  record Outcome(int line, Expect expect, String key, Map<String, String> text, String what, String field) {

    Outcome(int line, Expect expect, String key, Map<String, String> text, String what) {
      this(line, expect, key, text, what, null);
    }
  }

  /** The bytes to upload and everything the checks need. */
  record Rendered(FuzzFile file, byte[] bytes, Shape shape, int headerLine, int lines, int exactBefore,
      List<Outcome> outcomes, List<Piece> pieces, boolean mixedEncoding) {

    /** The file as readable text, line by line, long lines abbreviated, raw and GBK bytes marked. */
    String dump() {
      StringBuilder text = new StringBuilder();
      for (Piece piece : pieces) {
        if (piece.raw() != null) {
          for (byte b : piece.raw()) {
            text.append(String.format("\\x%02X", b));
          }
        } else if (piece.charset() != null && !piece.charset().equals(StandardCharsets.UTF_8) && mixedEncoding) {
          text.append("[GBK:").append(piece.text()).append("]");
        } else {
          text.append(piece.text());
        }
      }
      StringBuilder out = new StringBuilder();
      out.append(bytes.length).append(" bytes");
      if (file.layout().bom()) {
        out.append(", UTF-8 BOM");
      }
      out.append(file.layout().gbk() ? ", GBK" : ", UTF-8");
      out.append('\n');
      int line = 1;
      StringBuilder current = new StringBuilder();
      String all = text.toString();
      for (int i = 0; i < all.length(); i++) {
        char c = all.charAt(i);
        if (c == '\r' || c == '\n') {
          String end = c == '\r' && i + 1 < all.length() && all.charAt(i + 1) == '\n' ? "\\r\\n" : c == '\r' ? "\\r"
              : "\\n";
          if (end.equals("\\r\\n")) {
            i++;
          }
          out.append(String.format("%4d| %s%s%n", line++, abbreviate(current.toString()), end));
          current.setLength(0);
        } else if (c == 0) {
          current.append("\\0");
        } else {
          current.append(c);
        }
      }
      if (!current.isEmpty()) {
        out.append(String.format("%4d| %s<EOF>%n", line, abbreviate(current.toString())));
      }
      return out.toString();
    }

    private static String abbreviate(String line) {
      return line.length() <= 240 ? line
          : line.substring(0, 120) + "…<" + (line.length() - 180) + " more chars>…"
              + line.substring(line.length() - 60);
    }
  }

  /** A piece of the file: text in a character set, or raw bytes. */
  record Piece(String text, Charset charset, byte[] raw) {}

  // ---------------------------------------------------------------- rendering

  Rendered render() {
    return new Renderer(this).render();
  }

  /**
   * Whether the product cannot tell the file's encoding: it is meant as UTF-8 (or mixes encodings),
   * is not valid UTF-8, but is valid GB18030 — the product once read it all as GBK (a fixed bug).
   */
  static boolean ambiguousEncoding(Rendered rendered) {
    boolean meantUtf8 = !rendered.file().layout().gbk() || rendered.mixedEncoding();
    return meantUtf8 && !strictlyDecodes(rendered.bytes(), StandardCharsets.UTF_8)
        && strictlyDecodes(rendered.bytes(), Charset.forName("GB18030"));
  }

  /** Whether the bytes decode without a single error in this character set. */
  static boolean strictlyDecodes(byte[] bytes, Charset charset) {
    try {
      charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static final class Renderer {

    private final FuzzFile file;
    private final ImportKind kind;
    private final Layout layout;
    private final Charset charset;
    private final Random eols;
    private final List<Piece> pieces = new ArrayList<>();
    /** The characters the product's reader sees (raw bytes: one character each, CR and LF as themselves). */
    private final StringBuilder shadow = new StringBuilder();
    private final RenderState state = new RenderState();
    private final List<Integer> starts = new ArrayList<>();
    private final List<Outcome> pending = new ArrayList<>();
    private boolean mixed;

    Renderer(FuzzFile file) {
      this.file = file;
      this.kind = file.kind();
      this.layout = file.layout();
      this.charset = layout.gbk() ? GBK : StandardCharsets.UTF_8;
      this.eols = new Random(layout.eolSeed());
    }

    Rendered render() {
      Shape shape = Shape.EXACT;
      for (Breaker breaker : file.breakers()) {
        if (breaker instanceof EmptyUpload) {
          return new Rendered(file, new byte[0], Shape.EMPTY_UPLOAD, 1, 1, 0, List.of(), List.of(), false);
        }
        if (breaker instanceof NoHeader noHeader) {
          if (noHeader.bom()) {
            pieces.add(new Piece(null, null, BOM));
          }
          text(noHeader.content());
          return finish(Shape.BAD_HEADER, 1, Integer.MAX_VALUE);
        }
      }
      boolean utf16 = file.breakers().stream().anyMatch(b -> b instanceof Utf16);
      if (layout.bom() && !layout.gbk()) {
        pieces.add(new Piece(null, null, BOM));
      }
      for (int i = 0; i < layout.leadingBlankLines(); i++) {
        text(eol());
      }
      int headerStart = shadow.length();
      List<String> order = order();
      text(headerLine(order));
      if (!file.body().isEmpty() || layout.trailingEol()) {
        text(eol());
      }
      if (file.header().broken() != HeaderBreak.NONE || utf16) {
        shape = Shape.BAD_HEADER;
      }
      int exactBefore = Integer.MAX_VALUE;
      List<Body> body = file.body();
      for (int i = 0; i < body.size(); i++) {
        for (Breaker breaker : file.breakers()) {
          if (breaker instanceof SwallowingQuote s && s.at() % body.size() == i
              || breaker instanceof JunkLine j && j.at() % body.size() == i) {
            exactBefore = Math.min(exactBefore, shadow.length());
            if (shape == Shape.EXACT) {
              shape = Shape.LOOSE;
            }
            if (breaker instanceof SwallowingQuote) {
              text("\"" + kind.columns().get(0) + " never closes,");
            } else {
              raw(toArray(((JunkLine) breaker).bytes()));
            }
            text(eol());
          }
        }
        int index = i;
        boolean utf8Row = file.breakers().stream().anyMatch(b -> b instanceof Utf8RowInGbkFile u
            && u.at() % body.size() == index);
        if (utf8Row && layout.gbk()) {
          exactBefore = 0;
          if (shape == Shape.EXACT) {
            shape = Shape.LOOSE;
          }
        }
        int start = shadow.length();
        Outcome outcome = record(body.get(i), order, utf8Row && layout.gbk());
        starts.add(start);
        pending.add(outcome);
        if (i < body.size() - 1 || layout.trailingEol()) {
          text(eol());
        }
      }
      Rendered rendered = finish(shape, lineAt(headerStart), exactBefore);
      if (utf16) {
        String all = new String(rendered.bytes(), charset);
        byte[] utf16le = all.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[utf16le.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(utf16le, 0, bytes, 2, utf16le.length);
        return new Rendered(file, bytes, Shape.BAD_HEADER, rendered.headerLine(), rendered.lines(), 0, List.of(),
            rendered.pieces(), false);
      }
      return rendered;
    }

    private Rendered finish(Shape shape, int headerLine, int exactBefore) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (Piece piece : pieces) {
        if (piece.raw() != null) {
          bytes.writeBytes(piece.raw());
        } else {
          bytes.writeBytes(encode(piece.text(), piece.charset()));
        }
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        Outcome o = pending.get(i);
        outcomes.add(new Outcome(lineAt(starts.get(i)), o.expect(), o.key(), o.text(), o.what(), o.field()));
      }
      int exactLine = exactBefore == Integer.MAX_VALUE ? Integer.MAX_VALUE : lineAt(exactBefore);
      return new Rendered(file, bytes.toByteArray(), shape, headerLine, lineAt(shadow.length()), exactLine, outcomes,
          List.copyOf(pieces), mixed);
    }

    /** The line (1-based) of a position, counting line ends as the reader does: LF, CRLF and a lone CR. */
    private int lineAt(int offset) {
      int line = 1;
      for (int i = 0; i < offset && i < shadow.length(); i++) {
        char c = shadow.charAt(i);
        if (c == '\n' || c == '\r' && (i + 1 >= shadow.length() || shadow.charAt(i + 1) != '\n')) {
          line++;
        }
      }
      return line;
    }

    private String eol() {
      return switch (layout.eol()) {
        case LF -> "\n";
        case CRLF -> "\r\n";
        // never LF right after a lone CR: the two would merge into one CRLF line end
        case MIXED -> {
          String eol = List.of("\n", "\r\n", "\r").get(eols.nextInt(3));
          yield eol.equals("\n") && !shadow.isEmpty() && shadow.charAt(shadow.length() - 1) == '\r' ? "\r\n" : eol;
        }
      };
    }

    /** Raw bytes; the reader decodes them as UTF-8 with replacement, so only their CR and LF bytes end lines. */
    private void raw(byte[] bytes) {
      pieces.add(new Piece(null, null, bytes));
      for (byte b : bytes) {
        shadow.append(b == '\n' || b == '\r' ? (char) b : '\uE000');
      }
    }

    private void text(String text) {
      text(text, charset);
    }

    private void text(String text, Charset in) {
      pieces.add(new Piece(text, in, null));
      shadow.append(text);
    }

    private static byte[] encode(String text, Charset charset) {
      try {
        ByteBuffer buffer = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
      } catch (CharacterCodingException e) {
        throw new IllegalStateException("generator bug: not encodable in " + charset + ": " + text, e);
      }
    }

    private static byte[] toArray(List<Byte> list) {
      byte[] bytes = new byte[list.size()];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = list.get(i);
      }
      return bytes;
    }

    // ---------------------------------------------------------------- header

    /** The columns in file order: canonical names, maybe shuffled, maybe with one extra column ("" = the extra one). */
    private List<String> order() {
      List<String> order = new ArrayList<>(kind.columns());
      if (file.header().shuffled()) {
        java.util.Collections.shuffle(order, new Random(file.header().orderSeed()));
      }
      if (file.header().extraAt() >= 0) {
        order.add(file.header().extraAt() % (order.size() + 1), "");
      }
      return order;
    }

    private String headerLine(List<String> order) {
      Header header = file.header();
      List<String> names = new ArrayList<>();
      for (String column : order) {
        String name = column.isEmpty() ? "备注" : column;
        name = switch (header.caseStyle() % 3) {
          case 1 -> name.toUpperCase(Locale.ROOT);
          case 2 -> name.toLowerCase(Locale.ROOT);
          default -> name;
        };
        names.add(name);
      }
      int victim = (int) Math.floorMod(header.orderSeed(), names.size());
      if (order.get(victim).isEmpty()) {
        victim = (victim + 1) % names.size();
      }
      switch (header.broken()) {
        case MISSING_COLUMN -> names.remove(victim);
        case MISSPELLED_COLUMN -> names.set(victim, names.get(victim) + "x");
        case CHINESE_NAMES -> names.replaceAll(n -> "列" + RenderState.chinese(n.length()));
        default -> {}
      }
      List<String> cells = new ArrayList<>();
      for (String name : names) {
        String cell = header.padded() ? " " + name + " " : name;
        cells.add(header.quoted() ? "\"" + cell + "\"" : cell);
      }
      if (header.broken() == HeaderBreak.UNTERMINATED_QUOTE) {
        // on a required column (the last one in the file), so that it goes missing; on the extra column
        // the whole file vanished into the header (a fixed bug), so only with known bugs on
        int last = order.get(cells.size() - 1).isEmpty() && !FuzzSettings.knownBugs() ? cells.size() - 2
            : cells.size() - 1;
        cells.set(last, "\"" + names.get(last));
      }
      return String.join(",", cells);
    }

    // ---------------------------------------------------------------- records

    private Outcome record(Body body, List<String> order, boolean inUtf8) {
      Charset rowCharset = inUtf8 ? StandardCharsets.UTF_8 : charset;
      if (inUtf8) {
        mixed = true;
      }
      if (body instanceof Blank blank) {
        text(blank.content(), rowCharset);
        boolean empty = blank.content().chars().allMatch(c -> c == '\r' || c == '\n');
        return new Outcome(0, empty ? Expect.SKIPPED : Expect.SKIPPED_OR_REJECTED, null, null,
            "blank " + quoteForHumans(blank.content()));
      }
      if (body instanceof Duplicate duplicate) {
        List<Map<String, String>> valid = state.validRows();
        if (valid.isEmpty()) {
          return record(new Valid(duplicate.fallback(), new Plain(), 0), order, inUtf8);
        }
        Map<String, String> cells = kind.duplicateOf(valid.get(duplicate.pick() % valid.size()));
        text(line(ordered(cells, order), new boolean[order.size()], -1), rowCharset);
        return new Outcome(0, Expect.REJECTED, null, null, "duplicate of an earlier row");
      }
      if (body instanceof Clash clash) {
        List<Map<String, String>> holders = state.validRows().stream()
            .filter(row -> kind.uniqueColumns().stream().noneMatch(c -> row.getOrDefault(c, "").isBlank())).toList();
        if (holders.isEmpty() || kind.uniqueColumns().isEmpty()) {
          return record(new Valid(clash.fresh(), new Plain(), 0), order, inUtf8);
        }
        Map<String, String> held = holders.get(clash.pick() % holders.size());
        Map<String, String> cells = clash.fresh().cells(state);
        kind.uniqueColumns().forEach(c -> cells.put(c, held.get(c)));
        text(line(ordered(cells, order), new boolean[order.size()], -1), rowCharset);
        return new Outcome(0, Expect.REJECTED, null, null, "repeats " + kind.uniqueColumns() + " of an earlier row",
            kind.uniqueColumns().get(0));
      }
      if (body instanceof Valid valid) {
        return valid(valid, order, rowCharset);
      }
      return broken((Broken) body, order, rowCharset);
    }

    private Outcome valid(Valid valid, List<String> order, Charset rowCharset) {
      Map<String, String> cells = valid.recipe().cells(state);
      boolean[] quote = quoteMask(order.size(), valid.quotes());
      int raw = -1;
      Expect expect = Expect.IMPORTED;
      Decoration decoration = valid.decoration();
      if (kind.textColumns().isEmpty() && !(decoration instanceof Padded)) {
        // a kind without free text (codes, numbers, times only) has nothing to decorate
        decoration = new Plain();
      }
      if (decoration instanceof Formula f) {
        String column = textColumn(f.textColumn());
        String value = f.prefix() + f.payload() + cells.get(column);
        cells.put(column, value.substring(0, Math.min(value.length(), kind.maxLength(column))));
      } else if (decoration instanceof Special s && !kind.textColumns().isEmpty()) {
        String column = textColumn(s.textColumn());
        String value = cells.get(column).isBlank() ? "模糊路" : cells.get(column);
        cells.put(column, value.substring(0, 1) + s.special() + value.substring(1));
      } else if (decoration instanceof Padded p) {
        int i = 0;
        for (Map.Entry<String, String> cell : cells.entrySet()) {
          if ((p.mask() >> i++ & 1) == 1) {
            cell.setValue(" " + cell.getValue() + " ");
          }
        }
      } else if (decoration instanceof StrayQuote q) {
        String column = textColumn(q.textColumn());
        String value = cells.get(column).isBlank() ? "模糊路" : cells.get(column);
        cells.put(column, value.substring(0, 1) + "\"" + value.substring(1));
        raw = order.indexOf(column);
        expect = Expect.IMPORTED_OR_REJECTED;
      }
      if (expect == Expect.IMPORTED) {
        state.addValid(cells);
      }
      text(line(ordered(cells, order), quote, raw), rowCharset);
      return new Outcome(0, expect, kind.keyOf(cells), kind.expectedText(cells), decoration.toString());
    }

    private Outcome broken(Broken broken, List<String> order, Charset rowCharset) {
      Map<String, String> cells = broken.recipe().cells(state);
      List<String> values = ordered(cells, order);
      boolean[] quote = quoteMask(values.size(), broken.quotes());
      Breakage breakage = broken.breakage();
      String what = breakage.toString();
      if (breakage instanceof MissingCells m) {
        Random random = new Random(m.seed());
        int remove = Math.max(1, Math.min(m.count(), values.size() - 2));
        for (int i = 0; i < remove; i++) {
          values.remove(random.nextInt(values.size()));
        }
        text(line(values, quote, -1), rowCharset);
      } else if (breakage instanceof ExtraCells e) {
        values.addAll(e.values());
        text(line(values, quoteMask(values.size(), broken.quotes() + 1), -1), rowCharset);
      } else if (breakage instanceof ManyCells m) {
        for (int i = 0; i < m.count(); i++) {
          values.add("x");
        }
        text(line(values, new boolean[values.size()], -1), rowCharset);
      } else if (breakage instanceof LongLine l) {
        for (int i = 0; i < l.cells(); i++) {
          values.add(filler(l.length(), i));
        }
        text(line(values, new boolean[values.size()], -1), rowCharset);
      } else if (breakage instanceof HugeCell h) {
        int column = h.column() % values.size();
        values.set(column, filler(h.length(), h.column()));
        quote[column] = h.quoted();
        text(line(values, quote, -1), rowCharset);
      } else if (breakage instanceof InvalidBytes b) {
        int column = b.column() % values.size();
        String value = values.get(column);
        String before = line(values.subList(0, column), quote, -1);
        text(before + (column > 0 ? "," : "") + value.substring(0, value.length() / 2), rowCharset);
        raw(toArray(b.bytes()));
        List<String> rest = new ArrayList<>();
        rest.add(value.substring(value.length() / 2));
        rest.addAll(values.subList(column + 1, values.size()));
        text(line(rest, new boolean[rest.size()], 0), rowCharset);
      } else if (breakage instanceof TextAfterQuote t) {
        int column = t.column() % values.size();
        List<String> cellsText = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
          String v = values.get(i);
          cellsText.add(i == column ? "\"" + v.replace("\"", "\"\"") + "\"" + t.trailing() : cell(v, false));
        }
        text(String.join(",", cellsText), rowCharset);
      } else if (breakage instanceof AllEmpty) {
        text(",".repeat(values.size() - 1), rowCharset);
      } else if (breakage instanceof BadValue v) {
        v.invalidation().apply(cells);
        text(line(ordered(cells, order), quote, -1), rowCharset);
        what = v.invalidation().toString();
      } else if (breakage instanceof NulChar n) {
        String column = textColumn(n.textColumn());
        String value = cells.get(column).isBlank() ? "模糊路" : cells.get(column);
        cells.put(column, value.substring(0, 1) + '\0' + value.substring(1));
        text(line(ordered(cells, order), quote, -1), rowCharset);
      } else if (breakage instanceof GbkRow) {
        mixed = true;
        if (kind.textColumns().isEmpty()) {
          // without free text a row may be pure ASCII, the same in GBK: put a Chinese character in the key
          String column = kind.keyColumn();
          String value = cells.get(column).isBlank() ? "检" : cells.get(column);
          cells.put(column, value.substring(0, 1) + "检" + value.substring(1));
          values = ordered(cells, order);
        }
        text(line(values, quote, -1), GBK);
      } else if (breakage instanceof UnterminatedQuote u) {
        int column = u.column() % values.size();
        String head = line(values.subList(0, column), quote, -1);
        String tail = String.join(",", values.subList(column, values.size())).replace("\"", "");
        text(head + (column > 0 ? "," : "") + "\"" + tail, rowCharset);
      }
      return new Outcome(0, Expect.REJECTED, null, null, what);
    }

    private String textColumn(int pick) {
      List<String> text = kind.textColumns();
      if (text.isEmpty()) {
        // a kind without free text: damage goes into the key (a NUL is rejected wherever it is)
        return kind.keyColumn();
      }
      return text.get(pick % text.size());
    }

    /** The values in file order; the extra column gets a remark. */
    private static List<String> ordered(Map<String, String> cells, List<String> order) {
      List<String> values = new ArrayList<>();
      for (String column : order) {
        values.add(column.isEmpty() ? "备注" : cells.getOrDefault(column, ""));
      }
      return values;
    }

    private static boolean[] quoteMask(int size, int seed) {
      Random random = new Random(seed);
      boolean[] quote = new boolean[size];
      for (int i = 0; i < size; i++) {
        quote[i] = random.nextInt(4) == 0;
      }
      return quote;
    }

    /** Cells joined by commas; a cell is quoted when chosen or needed, never the {@code raw} one. */
    private static String line(List<String> values, boolean[] quote, int raw) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        cells.add(i == raw ? values.get(i) : cell(values.get(i), i < quote.length && quote[i]));
      }
      return String.join(",", cells);
    }

    private static String cell(String value, boolean quote) {
      boolean needed = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
          || value.indexOf('\r') >= 0;
      return quote || needed ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** Harmless text of a given length (no separators, quotes or line ends), half of it Chinese. */
    private static String filler(int length, int salt) {
      String pattern = "模糊数据fuzz" + Math.floorMod(salt, 10) + "超长单元格cell";
      StringBuilder text = new StringBuilder(length);
      while (text.length() < length) {
        text.append(pattern);
      }
      text.setLength(length);
      return text.toString();
    }

    private static String quoteForHumans(String text) {
      return "\"" + text.replace("\t", "\\t") + "\"";
    }
  }

  @Override
  public String toString() {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("kind", kind.kind());
    parts.put("header", header);
    parts.put("layout", layout);
    parts.put("body", body);
    if (!breakers.isEmpty()) {
      parts.put("breakers", breakers);
    }
    return parts.toString();
  }
}
