package io.github.tfjavaxor.tutorial;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/teaching.md links to lines of XorTutorial: a link quoting code must land on that code. */
class TeachingLinksTest {

  @Test
  void quotedCodeLinksPointAtTheirLines() throws Exception {
    String doc = Files.readString(Path.of("docs/teaching.md"));
    List<String> lines =
        Files.readAllLines(Path.of("src/main/java/io/github/tfjavaxor/tutorial/XorTutorial.java"));
    Matcher m = Pattern.compile("\\[`([^`]+)`\\]\\([^)]*XorTutorial\\.java#L(\\d+)\\)").matcher(doc);
    int checked = 0;
    while (m.find()) {
      String code = m.group(1);
      String prefix = code.substring(0, Math.min(code.length(), 24));
      int n = Integer.parseInt(m.group(2));
      // A wrapped statement starts on the linked line and may continue on the next one.
      String line = lines.get(n - 1).trim() + " " + (n < lines.size() ? lines.get(n).trim() : "");
      assertTrue(
          line.contains(prefix),
          "docs/teaching.md links `" + code + "` to line " + m.group(2) + ", which is: " + line.trim());
      checked++;
    }
    assertTrue(checked >= 5, "expected several code links, found " + checked);
  }
}
