package io.github.tfjavaxor.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks {@link DocsLinksTest} runs on one Markdown page of the repository at {@code root}; each
 * returns its failures as {@code page:line: what was found}, empty when the page passes.
 */
final class DocChecks {
  private static final Pattern EXTERNAL = Pattern.compile("^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)");
  private static final Pattern LINE_ANCHOR = Pattern.compile("L(\\d+)(?:-L(\\d+))?");
  private static final Pattern ELLIPSIS = Pattern.compile("\\.\\.\\.|…");
  private static final Map<String, Pattern> FORBIDDEN = new LinkedHashMap<>();

  static {
    FORBIDDEN.put("the word \"issue\"", Pattern.compile("(?i)\\bissues?\\b"));
    FORBIDDEN.put("\"load average\"", Pattern.compile("(?i)\\bload averages?\\b"));
    FORBIDDEN.put("a date", Pattern.compile(
        "\\b(?:19|20)\\d\\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])\\b"
        + "|\\b(?:January|February|March|April|May|June|July|August|September|October|November"
        + "|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?\\s+"
        + "(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?(?:19|20)\\d\\d\\b"));
  }

  private final Path root;
  private final Map<Path, List<String>> cache = new HashMap<>();

  DocChecks(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** (a) Every relative link's file or folder exists, inside the repository. */
  List<String> targetsExist(Path page) {
    List<String> failures = new ArrayList<>();
    for (Markdown.Link link : Markdown.links(lines(page))) {
      Path target = target(page, link);
      if (target == null) {
        continue;
      }
      if (!target.startsWith(root)) {
        failures.add(where(page, link) + "link to " + link.target() + " leaves the repository");
      } else if (!Files.exists(target)) {
        failures.add(where(page, link) + "link to " + link.target() + ": no such file "
            + root.relativize(target));
      }
    }
    return failures;
  }

  /** (b) Every {@code #anchor} into a Markdown page (or this page) names one of its headings. */
  List<String> anchorsExist(Path page) {
    List<String> failures = new ArrayList<>();
    for (Anchored a : anchoredLinks(page)) {
      Markdown.Link link = a.link();
      if (!a.markdown() && LINE_ANCHOR.matcher(a.fragment()).matches()) {
        continue; // a source line: checked by linesQuoteCode
      }
      if (!a.markdown()) {
        failures.add(where(page, link) + "link to " + link.target()
            + ": an anchor into a file that is neither Markdown nor #L<line>");
        continue;
      }
      Path target = a.target();
      String fragment = a.fragment();
      Set<String> anchors = Markdown.anchors(lines(target));
      if (!anchors.contains(fragment)) {
        failures.add(where(page, link) + "link to " + link.target() + ": no heading with anchor #"
            + fragment + " in " + root.relativize(target) + " (its anchors: " + anchors + ")");
      }
    }
    return failures;
  }

  /**
   * (c) Every link to {@code file#Lnn} (or {@code #Lnn-Lmm}) quotes in backticks code that starts
   * on that line (the link lands on it) and may run on to the next (a wrapped statement),
   * whitespace ignored; {@code ...} in the quote stands for code left out.
   */
  List<String> linesQuoteCode(Path page) {
    List<String> failures = new ArrayList<>();
    for (Anchored a : anchoredLinks(page)) {
      Markdown.Link link = a.link();
      Path target = a.target();
      Matcher m = LINE_ANCHOR.matcher(a.fragment());
      if (a.markdown() || !m.matches()) {
        continue;
      }
      List<String> source = lines(target);
      int first = Integer.parseInt(m.group(1));
      int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
      String code = link.code();
      if (first < 1 || first > source.size() || last < first) {
        failures.add(where(page, link) + "link to " + link.target() + ": "
            + root.relativize(target) + " has " + source.size() + " lines");
      } else if (code == null) {
        failures.add(where(page, link) + "link to " + link.target()
            + " must quote the code on that line in backticks, found text: " + link.text());
      } else {
        String lines = normalise(String.join(" ", source.subList(first - 1,
            Math.min(source.size(), last + 1))));
        int at = lines.indexOf(ELLIPSIS.split(normalise(code))[0]);
        int linked = normalise(String.join(" ", source.subList(first - 1, last))).length();
        if (!containsInOrder(lines, normalise(code)) || at < 0 || at >= linked) {
          failures.add(where(page, link) + "link to " + link.target() + " quotes `" + code
              + "`, but line " + first + " of " + root.relativize(target) + " is: "
              + source.get(first - 1).strip());
        }
      }
    }
    return failures;
  }

  /** (d) A user page names no issue, no load average and no date. */
  List<String> noIssuesLoadOrDates(Path page) {
    List<String> failures = new ArrayList<>();
    List<String> lines = lines(page);
    for (int i = 0; i < lines.size(); i++) {
      for (Map.Entry<String, Pattern> f : FORBIDDEN.entrySet()) {
        Matcher m = f.getValue().matcher(lines.get(i));
        if (m.find()) {
          failures.add(rel(page) + ":" + (i + 1) + ": " + f.getKey() + " (\"" + m.group()
              + "\") in: " + abbreviate(lines.get(i).strip()));
        }
      }
    }
    return failures;
  }

  static boolean containsInOrder(String text, String quote) {
    int at = 0;
    for (String part : ELLIPSIS.split(quote)) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int found = text.indexOf(p, at);
      if (found < 0) {
        return false;
      }
      at = found + p.length();
    }
    return true;
  }

  // Without whitespace: a statement wrapped over two lines reads as one.
  static String normalise(String code) {
    return code.replaceAll("\\s+", "");
  }

  // A link with a #fragment into an existing local file.
  private record Anchored(Markdown.Link link, Path target, String fragment, boolean markdown) {}

  private List<Anchored> anchoredLinks(Path page) {
    List<Anchored> out = new ArrayList<>();
    for (Markdown.Link link : Markdown.links(lines(page))) {
      Path target = target(page, link);
      String fragment = fragment(link);
      if (target != null && fragment != null && Files.isRegularFile(target)) {
        out.add(new Anchored(link, target, fragment,
            target.getFileName().toString().endsWith(".md")));
      }
    }
    return out;
  }

  // The local file or folder a link points at, or null for an external link.
  private Path target(Path page, Markdown.Link link) {
    String dest = link.target();
    if (EXTERNAL.matcher(dest).find()) {
      return null;
    }
    int hash = dest.indexOf('#');
    String path = hash < 0 ? dest : dest.substring(0, hash);
    int query = path.indexOf('?');
    path = decode(query < 0 ? path : path.substring(0, query));
    if (path.isEmpty()) {
      return page.toAbsolutePath().normalize();
    }
    Path base = path.startsWith("/") ? root : page.toAbsolutePath().getParent();
    return base.resolve(path.replaceFirst("^/+", "")).normalize();
  }

  private static String fragment(Markdown.Link link) {
    int hash = link.target().indexOf('#');
    return hash < 0 ? null : decode(link.target().substring(hash + 1));
  }

  // %xx escapes only: a '+' in a path or anchor is a '+'.
  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private List<String> lines(Path file) {
    return cache.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
      try {
        return Files.readAllLines(f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private String where(Path page, Markdown.Link link) {
    return rel(page) + ":" + link.line() + ": ";
  }

  private String rel(Path page) {
    return root.relativize(page.toAbsolutePath().normalize()).toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
