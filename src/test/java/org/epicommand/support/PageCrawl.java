package org.epicommand.support;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Walks the pages a signed-in user reaches: every entry of their navigation, the home page's cards
 * and the other fragments pages load (htmx {@code hx-get}), and from there the links of the pages'
 * main content — one page of each kind (a path with its ids left out, {@code /cases/{id}}), to a
 * depth of two links. Only GET, only pages of the application: no downloads, no API, no sign-out.
 */
public final class PageCrawl {

  /** One page as the crawl saw it. */
  public record Visited(String path, int status, String body, String from) {}

  private static final Pattern ID_SEGMENT = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|.*[0-9].*|[A-Z][A-Z0-9_-]+");
  private static final Pattern SKIP = Pattern.compile(
      "^/(api|webjars|css|js|logout|login|actuator|swagger-ui|v3)(/.*)?$|.*\\.(csv|pdf|xlsx|png|jpe?g)$|.*/photos/.*"
          + "|.*/export.*|.*/download.*");

  private final WebSession session;
  private final int maxPages;

  public PageCrawl(WebSession session, int maxPages) {
    this.session = session;
    this.maxPages = maxPages;
  }

  /** Visits {@code start} and the navigation of its page, then what they link to; answers every page seen. */
  public List<Visited> from(String start, BiConsumer<String, Integer> progress) {
    Map<String, Visited> visited = new LinkedHashMap<>();
    Set<String> shapes = new HashSet<>();
    Deque<String[]> queue = new ArrayDeque<>();
    queue.add(new String[] {start, "0", "(start)"});
    shapes.add(shape(start));
    boolean navigationRead = false;
    while (!queue.isEmpty() && visited.size() < maxPages) {
      String[] next = queue.poll();
      String path = next[0];
      int depth = Integer.parseInt(next[1]);
      if (visited.containsKey(path)) {
        continue;
      }
      WebSession.Page page;
      try {
        page = session.get(path);
      } catch (java.io.UncheckedIOException broken) {
        // a page that failed while it was written (the status was already sent)
        page = new WebSession.Page(599, null, null);
      }
      visited.put(path, new Visited(path, page.status(), page.body(), next[2]));
      if (progress != null) {
        progress.accept(path, page.status());
      }
      if (page.status() != 200 || page.body() == null) {
        continue;
      }
      Document document = Jsoup.parse(page.body(), "http://localhost" + path);
      List<String> fragments = new ArrayList<>();
      document.select("[hx-get]").forEach(e -> fragments.add(e.attr("hx-get")));
      for (String fragment : fragments) {
        enqueue(queue, shapes, fragment, depth, path, true);
      }
      if (!navigationRead) {
        navigationRead = true;
        for (Element link : document.select(".app-nav a.nav-link[href]")) {
          enqueue(queue, shapes, link.attr("href"), 0, path, true);
        }
      }
      if (depth < 2) {
        for (Element link : document.select("main a[href]")) {
          if (link.hasAttr("download") || link.hasAttr("data-bs-toggle") || "_blank".equals(link.attr("target"))) {
            continue;
          }
          enqueue(queue, shapes, link.attr("href"), depth + 1, path, false);
        }
      }
    }
    return new ArrayList<>(visited.values());
  }

  private static void enqueue(Deque<String[]> queue, Set<String> shapes, String href, int depth, String from,
      boolean always) {
    String path = local(href);
    if (path == null || SKIP.matcher(path.replaceAll("\\?.*", "")).matches()) {
      return;
    }
    if (!shapes.add(shape(path)) && !always) {
      return;
    }
    queue.add(new String[] {path, String.valueOf(depth), from});
  }

  /** The path and query of a link inside the application, or null. */
  static String local(String href) {
    if (href == null || href.isBlank() || href.startsWith("#") || href.startsWith("tel:")
        || href.startsWith("mailto:") || href.startsWith("javascript:") || href.contains("lang=")) {
      return null;
    }
    URI uri = URI.create(href.replace(" ", "%20"));
    if (uri.isAbsolute() || uri.getRawPath() == null || !uri.getRawPath().startsWith("/")) {
      return null;
    }
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  /** A path with its ids left out and without its query: one page of each shape is enough. */
  static String shape(String path) {
    String bare = path.replaceAll("\\?.*", "");
    StringBuilder shape = new StringBuilder();
    for (String segment : bare.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      shape.append('/').append(ID_SEGMENT.matcher(segment).matches() ? "{id}" : segment);
    }
    return shape.length() == 0 ? "/" : shape.toString();
  }
}
