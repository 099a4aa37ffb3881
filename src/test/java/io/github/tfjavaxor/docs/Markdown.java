package io.github.tfjavaxor.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a GitHub Markdown page that links depend on: its links (inline links, images and
 * reference definitions, outside code) and its heading anchors, slugged as GitHub slugs them.
 * Enough CommonMark for these docs: fenced code blocks, code spans, backslash escapes, ATX headings.
 */
final class Markdown {
  /** One link: 1-based line, its text (raw Markdown) and its destination. */
  record Link(int line, String text, String target) {
    /** The text if it is exactly one code span, e.g. {@code `x = 1`}, else null. */
    String code() {
      Matcher m = SINGLE_CODE.matcher(text.strip());
      return m.matches() ? m.group(2).strip() : null;
    }
  }

  private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?[ \\t]*$");
  private static final Pattern CLOSING_HASHES = Pattern.compile("(?:^|[ \\t]+)#+$");
  private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[([^\\]]+)\\]:\\s*<?([^\\s>]+)>?");
  private static final Pattern HTML_ANCHOR =
      Pattern.compile("<a\\s[^>]*\\b(?:name|id)\\s*=\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern SINGLE_CODE = Pattern.compile("(`+)([^`](?:.*?[^`])?)\\1");
  // GitHub's slugger removes everything but letters, marks, digits, connector punctuation, - and space.
  private static final Pattern NOT_SLUG = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}\\p{Nl}\\p{Pc}\\- ]");

  private Markdown() {}

  /** Each line of the page, with code (fenced blocks and code spans outside links) blanked. */
  static List<String> proseLines(List<String> lines) {
    List<String> out = new ArrayList<>();
    String fence = null;
    for (String line : lines) {
      Matcher f = FENCE.matcher(line);
      if (fence != null) {
        if (f.find() && f.group(1).charAt(0) == fence.charAt(0)
            && f.group(1).length() >= fence.length() && line.strip().equals(f.group(1))) {
          fence = null;
        }
        out.add("");
      } else if (f.find()) {
        fence = f.group(1);
        out.add("");
      } else {
        out.add(line);
      }
    }
    return out;
  }

  /** The page's links, in order; links inside code are not links. */
  static List<Link> links(List<String> lines) {
    List<Link> links = new ArrayList<>();
    List<String> prose = proseLines(lines);
    for (int n = 0; n < prose.size(); n++) {
      String line = prose.get(n);
      Matcher ref = REFERENCE.matcher(line);
      if (ref.find()) {
        links.add(new Link(n + 1, ref.group(1), ref.group(2)));
        continue;
      }
      scanLine(line, n + 1, links);
    }
    return links;
  }

  // Finds [text](target) at each '[' outside a code span; text may hold code spans and brackets.
  private static void scanLine(String line, int lineNo, List<Link> links) {
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '`') {
        i = endOfCodeSpan(line, i);
      } else if (c == '[') {
        int close = closingBracket(line, i);
        if (close > 0 && close + 1 < line.length() && line.charAt(close + 1) == '(') {
          int end = line.indexOf(')', close + 2);
          String dest = end < 0 ? "" : line.substring(close + 2, end).strip();
          if (end > 0 && !dest.isEmpty()) {
            dest = dest.split("\\s+\"")[0].replaceAll("^<|>$", "");
            links.add(new Link(lineNo, line.substring(i + 1, close), dest));
            // A link inside an image's alt text or a link's text is rare; skip past the link.
            i = end + 1;
            continue;
          }
        }
        i++;
      } else {
        i++;
      }
    }
  }

  // The index after the code span opened at i, or i + run length if it never closes.
  private static int endOfCodeSpan(String line, int i) {
    int run = 0;
    while (i + run < line.length() && line.charAt(i + run) == '`') {
      run++;
    }
    String ticks = "`".repeat(run);
    int j = i + run;
    while (true) {
      int k = line.indexOf(ticks, j);
      if (k < 0) {
        return i + run;
      }
      int after = k + run;
      if (after >= line.length() || line.charAt(after) != '`') {
        return after;
      }
      while (after < line.length() && line.charAt(after) == '`') {
        after++;
      }
      j = after;
    }
  }

  // The ']' that closes the '[' at open, skipping code spans, escapes and nested brackets; or -1.
  private static int closingBracket(String line, int open) {
    int depth = 0;
    int i = open;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '`') {
        i = endOfCodeSpan(line, i);
        continue;
      }
      if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /** The page's anchors: its headings slugged as GitHub does (repeats get -1, -2), and HTML anchors. */
  static Set<String> anchors(List<String> lines) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : proseLines(lines)) {
      Matcher a = HTML_ANCHOR.matcher(line);
      while (a.find()) {
        anchors.add(a.group(1));
      }
      Matcher h = HEADING.matcher(line);
      if (!h.matches()) {
        continue;
      }
      String text = h.group(2) == null ? "" : CLOSING_HASHES.matcher(h.group(2)).replaceAll("");
      String slug = slug(text);
      Integer count = seen.get(slug);
      seen.put(slug, count == null ? 1 : count + 1);
      anchors.add(count == null ? slug : slug + "-" + count);
    }
    return anchors;
  }

  /**
   * GitHub's anchor for a heading: the rendered text (code spans' content, links' text, no
   * emphasis marks or HTML tags), lowercased, everything but letters, digits, {@code -}, {@code _}
   * and spaces dropped, each space a {@code -}.
   */
  static String slug(String heading) {
    StringBuilder text = new StringBuilder();
    Matcher code = Pattern.compile("(`+)(.+?)\\1").matcher(heading);
    int at = 0;
    while (code.find()) {
      text.append(rendered(heading.substring(at, code.start()))).append(code.group(2));
      at = code.end();
    }
    text.append(rendered(heading.substring(at)));
    return NOT_SLUG.matcher(text.toString().strip().toLowerCase(Locale.ROOT)).replaceAll("")
        .replace(' ', '-');
  }

  // Markdown outside code spans as GitHub renders its text: links' text, no tags, marks or escapes.
  private static String rendered(String markdown) {
    return markdown
        .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
        .replaceAll("<[^>]+>", "")
        .replaceAll("\\*+|(?<![\\p{L}\\p{N}])_+|_+(?![\\p{L}\\p{N}])", "")
        .replaceAll("\\\\(.)", "$1");
  }
}
