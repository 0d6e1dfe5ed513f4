package org.epicommand.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * What a user reads on a rendered page must be words, not the platform's codes: no raw enum constant
 * ({@code FEVER}, {@code HOME_ISOLATION}, {@code TEN_MEASURES}), no division code without its name
 * ({@code 990101001001}), no English sentence in the Chinese interface. The text is what a browser
 * shows: element text and the attributes people see (title, placeholder, aria-label, alt).
 *
 * <p>Allowed on purpose, and only these: codes in {@code <code>}, {@code <kbd>}, {@code <samp>},
 * {@code <pre>} and {@code .mono} elements (document numbers, barcodes, device ids, usernames and
 * addresses are set in them) — a division code there still needs its name next to it; {@code
 * .format-help} elements, which describe the columns and values of files people upload (those are
 * codes by nature) and show an import's rejected rows; ids in URLs (attributes other than the
 * visible ones are not read); the acronyms and numerals of {@link #WORDS}.
 */
public final class ReadableText {

  /** Upper-case words that are words to users (file formats, channels), though some are enum constants too. */
  public static final Set<String> WORDS = Set.of("ICU", "CSV", "XLSX", "XLS", "PDF", "SMS", "UTF", "GBK", "ID", "IP",
      "MQTT", "API", "SEIR", "CT", "PCR", "SARS", "COVID", "ECMO", "HTTP", "HTTPS", "URL", "QR", "GB", "WGS", "OK",
      // response levels are written with Roman numerals (II 级)
      "II", "III", "IV");
  /** Elements whose text is code by design (set in monospace). */
  static final String CODE_ELEMENTS = "code, kbd, samp, pre, .mono, .format-help, script, style, template, noscript";
  static final List<String> VISIBLE_ATTRIBUTES = List.of("title", "placeholder", "aria-label", "alt");

  private static final Pattern UPPER_TOKEN = Pattern.compile(
      "(?<![A-Za-z0-9_-])[A-Z][A-Z0-9_]*[A-Z0-9](?![A-Za-z0-9_-])");
  /** A code standing alone (not part of another code such as KK-990101-01 or S990101001001). */
  private static final Pattern DIVISION_CODE = Pattern.compile(
      "(?<![0-9A-Za-z_-])([0-9]{12}|[0-9]{6})(?![0-9A-Za-z_-])");
  /** Three or more ASCII words in a row: a sentence (or a phrase) in English. */
  private static final Pattern ENGLISH = Pattern.compile(
      "(?<![A-Za-z0-9_@./-])[A-Za-z][A-Za-z'’]*(?:[ ,;:()]+[A-Za-z][A-Za-z'’]*){2,}(?![A-Za-z0-9_@/-])");

  private final Set<String> constants;
  private final Map<String, String> divisionNames;

  /**
   * @param divisionNames division names by code (both the short and the 12-digit code)
   * @param codes further codes that are data rather than enums (the built-in rule sets: V9, TEN_MEASURES)
   */
  public ReadableText(Map<String, String> divisionNames, Set<String> codes) {
    Set<String> all = new TreeSet<>(enumConstants("org.epicommand"));
    all.addAll(codes);
    this.constants = all;
    this.divisionNames = divisionNames;
  }

  /** The names of the constants of every enum under {@code basePackage} (two characters or more). */
  public static Set<String> enumConstants(String basePackage) {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition d) {
        return true;
      }
    };
    scanner.addIncludeFilter((reader, factory) -> "java.lang.Enum".equals(reader.getClassMetadata()
        .getSuperClassName()));
    Set<String> names = new TreeSet<>();
    for (BeanDefinition definition : scanner.findCandidateComponents(basePackage)) {
      Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), ReadableText.class.getClassLoader());
      for (Object constant : type.getEnumConstants()) {
        String name = ((Enum<?>) constant).name();
        if (name.length() >= 2) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** Every problem of the page, each a short line naming the rule and the text around it. */
  public List<String> problems(String html) {
    Document page = Jsoup.parse(html);
    Set<String> found = new LinkedHashSet<>(divisionCodesWithoutNames(page));
    page.select(CODE_ELEMENTS).remove();
    for (String text : visibleTexts(page)) {
      found.addAll(codesAndEnglish(text));
    }
    return new ArrayList<>(found);
  }

  /** The problems of a text that is not HTML (a notice's title or body). */
  public List<String> problemsOfText(String text) {
    List<String> found = codesAndEnglish(text);
    if (text == null) {
      return found;
    }
    Matcher division = DIVISION_CODE.matcher(text);
    while (division.find()) {
      String name = divisionNames.get(division.group(1));
      if (name != null && !text.contains(name)) {
        found.add("division code " + division.group(1) + " without its name " + name + " in «"
            + around(text, division.start(), division.end()) + "»");
      }
    }
    return found;
  }

  private List<String> codesAndEnglish(String text) {
    List<String> found = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return found;
    }
    Matcher token = UPPER_TOKEN.matcher(text);
    while (token.find()) {
      if (constants.contains(token.group()) && !WORDS.contains(token.group())) {
        found.add("raw code " + token.group() + " in «" + around(text, token.start(), token.end()) + "»");
      }
    }
    Matcher english = ENGLISH.matcher(text);
    while (english.find()) {
      found.add("English «" + english.group() + "»");
    }
    return found;
  }

  /** A division code must have its name in its own text, its element's or the element's parent's. */
  private List<String> divisionCodesWithoutNames(Document page) {
    List<String> found = new ArrayList<>();
    page.select("script, style, template").remove();
    for (Element element : page.getAllElements()) {
      for (TextNode node : element.textNodes()) {
        Matcher division = DIVISION_CODE.matcher(node.text());
        while (division.find()) {
          String name = divisionNames.get(division.group(1));
          if (name == null || node.text().contains(name) || element.text().contains(name)
              || (element.parent() != null && element.parent().text().contains(name))) {
            continue;
          }
          found.add("division code " + division.group(1) + " without its name " + name + " in «"
              + around(element.text(), 0, Math.min(element.text().length(), 60)) + "»");
        }
      }
    }
    return found;
  }

  private static List<String> visibleTexts(Document page) {
    List<String> texts = new ArrayList<>();
    if (!page.title().isBlank()) {
      texts.add(page.title());
    }
    for (Element element : page.body().getAllElements()) {
      String own = element.ownText();
      if (!own.isBlank()) {
        texts.add(own);
      }
      for (String attribute : VISIBLE_ATTRIBUTES) {
        if (element.hasAttr(attribute) && !element.attr(attribute).isBlank()) {
          texts.add(element.attr(attribute));
        }
      }
    }
    return texts;
  }

  private static String around(String text, int start, int end) {
    return text.substring(Math.max(0, start - 20), Math.min(text.length(), end + 20)).strip();
  }
}
