package io.github.tfjavaxor.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md, every docs/**.md and the folder READMEs users open (notebooks-equivalent/, deploy/):
 * relative links reach files, anchors reach headings (GitHub's slugs), links into source lines
 * quote the code on the line, and the user pages (all but docs/development/) name no issue, no load
 * average and no date. Each failure names page:line and what was found; the rules are
 * {@link DocChecks}'s, tested in {@link MarkdownTest}.
 */
class DocsLinksTest {
  private static final Path ROOT = Path.of("");
  private static final List<Path> FOLDER_READMES =
      List.of(Path.of("notebooks-equivalent", "README.md"), Path.of("deploy", "README.md"));
  private final DocChecks checks = new DocChecks(ROOT);

  @Test
  void relativeLinksReachFiles() throws IOException {
    assertNone(allPages(), checks::targetsExist, "links to missing files");
  }

  @Test
  void anchorsNameHeadings() throws IOException {
    assertNone(allPages(), checks::anchorsExist, "links to missing anchors");
  }

  @Test
  void sourceLineLinksQuoteTheirLine() throws IOException {
    assertNone(allPages(), checks::linesQuoteCode, "line links that do not quote their line");
    long lineLinks = allPages().stream()
        .flatMap(p -> {
          try {
            return Markdown.links(Files.readAllLines(p)).stream();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        })
        .filter(l -> l.target().matches("[^#]*\\.java#L\\d+.*"))
        .count();
    assertTrue(lineLinks >= 20, "expected the tutorial's line links, found " + lineLinks);
  }

  @Test
  void userDocsNameNoIssueLoadOrDate() throws IOException {
    List<Path> user = allPages().stream()
        .filter(p -> p.getParent() == null || p.getParent().equals(Path.of("docs"))
            || FOLDER_READMES.contains(p))
        .toList();
    assertTrue(user.contains(Path.of("docs", "tutorial.md")), "user pages: " + user);
    assertTrue(user.containsAll(FOLDER_READMES), "user pages: " + user);
    assertNone(user, checks::noIssuesLoadOrDates, "user pages with issues, load or dates");
  }

  static List<Path> allPages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    pages.addAll(FOLDER_READMES);
    try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  private static void assertNone(List<Path> pages, Function<Path, List<String>> check, String what) {
    List<String> failures = new ArrayList<>();
    for (Path page : pages) {
      failures.addAll(check.apply(page));
    }
    assertTrue(failures.isEmpty(),
        failures.size() + " " + what + ":\n  " + String.join("\n  ", failures));
  }
}
