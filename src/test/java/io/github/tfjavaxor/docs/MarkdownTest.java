package io.github.tfjavaxor.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules DocsLinksTest applies, on pages written here: GitHub's slugs, links, each check. */
class MarkdownTest {
  @TempDir Path root;

  @Test
  void slugsAsGitHubMakesThem() {
    // Anchors GitHub renders for these headings (as on this repository's pages).
    assertEquals("choosing-the-device---device-cpugpuauto---log-device-placement",
        Markdown.slug("Choosing the device: `--device cpu|gpu|auto`, `--log-device-placement`"));
    assertEquals("2-adam-a-race-on-the-beta-powers-ε--1e-8-and-float32-1β",
        Markdown.slug("2. Adam: a race on the beta powers, ε = 1e-8, and float32 `1−β`"));
    assertEquals("the-tutorial-keras--tf-java-statement-by-statement",
        Markdown.slug("The tutorial, Keras → TF Java, statement by statement"));
    assertEquals("snake_case-and-emphasis-and-_code_-and-link",
        Markdown.slug("snake_case and _emphasis_ and `_code_` and [link](x.md)"));
  }

  @Test
  void repeatedHeadingsAreNumberedAndCodeBlocksHaveNone() {
    List<String> page = List.of("# Run", "## Run", "```bash", "# not a heading", "```", "### Run #",
        "<a id=\"here\"></a>");
    assertEquals(List.of("run", "run-1", "run-2", "here"), List.copyOf(Markdown.anchors(page)));
  }

  @Test
  void linksOutsideCodeWithCodeInTheirText() {
    List<Markdown.Link> links = Markdown.links(List.of(
        "See [`float[][] x = {{0}}`](A.java#L1) and `[not](a.md)`, ![img](i.png \"title\").",
        "```", "[in a block](b.md)", "```", "[ref]: <c.md#x>"));
    assertEquals(List.of(new Markdown.Link(1, "`float[][] x = {{0}}`", "A.java#L1"),
        new Markdown.Link(1, "img", "i.png"), new Markdown.Link(5, "ref", "c.md#x")), links);
    assertEquals("float[][] x = {{0}}", links.get(0).code());
    assertEquals(null, links.get(1).code());
  }

  @Test
  void missingFilesAndAnchorsAreNamed() throws Exception {
    Path page = write("docs/p.md", "# Top", "[a](missing.md) [b](q.md#nope) [c](q.md#run-1)",
        "[d](#top) [e](#bottom) [f](https://example.org/x) [g](/README.md) [h](../../x.md)");
    write("docs/q.md", "## Run", "## Run");
    write("README.md", "");
    DocChecks checks = new DocChecks(root);
    assertEquals(List.of("docs/p.md:2: link to missing.md: no such file docs/missing.md",
        "docs/p.md:3: link to ../../x.md leaves the repository"), checks.targetsExist(page));
    assertEquals(List.of("docs/p.md:2: link to q.md#nope: no heading with anchor #nope in "
        + "docs/q.md (its anchors: [run, run-1])", "docs/p.md:3: link to #bottom: no heading "
        + "with anchor #bottom in docs/p.md (its anchors: [top])"), checks.anchorsExist(page));
  }

  @Test
  void lineLinksQuoteTheCodeOnTheirLine() throws Exception {
    write("src/A.java", "class A {", "  int x =", "      1 + 2;", "}");
    Path page = write("docs/p.md",
        "[`int x = 1 + 2;`](../src/A.java#L2) [`int x = ... 2`](../src/A.java#L2)",
        "[`class A`](../src/A.java#L2) [line 2](../src/A.java#L2) [`}`](../src/A.java#L9)",
        "[`x`](../src/A.java#L1-L2) [`1 + 2`](../src/A.java#L3) [`1 + 2`](../src/A.java#L2)");
    assertEquals(List.of("docs/p.md:2: link to ../src/A.java#L2 quotes `class A`, but line 2 of "
            + "src/A.java is: int x =",
        "docs/p.md:2: link to ../src/A.java#L2 must quote the code on that line in backticks, "
            + "found text: line 2",
        "docs/p.md:2: link to ../src/A.java#L9: src/A.java has 4 lines",
        "docs/p.md:3: link to ../src/A.java#L2 quotes `1 + 2`, but line 2 of src/A.java is: int x ="),
        new DocChecks(root).linesQuoteCode(page));
  }

  @Test
  void userPagesNameNoIssueLoadOrDate() throws Exception {
    Path page = write("docs/p.md", "Fixed in issue 12.", "Open Issues", "a tissue, issued",
        "load average 3.1", "on 2026-12-07", "in December 2026, May 7, 2025", "1000 epochs in 2026 ms");
    assertEquals(List.of(
        "docs/p.md:1: the word \"issue\" (\"issue\") in: Fixed in issue 12.",
        "docs/p.md:2: the word \"issue\" (\"Issues\") in: Open Issues",
        "docs/p.md:4: \"load average\" (\"load average\") in: load average 3.1",
        "docs/p.md:5: a date (\"2026-12-07\") in: on 2026-12-07",
        "docs/p.md:6: a date (\"December 2026\") in: in December 2026, May 7, 2025"),
        new DocChecks(root).noIssuesLoadOrDates(page));
  }

  private Path write(String name, String... lines) throws Exception {
    Path p = root.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, List.of(lines));
    return p;
  }
}
