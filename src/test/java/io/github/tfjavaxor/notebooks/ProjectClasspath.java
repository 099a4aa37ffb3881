package io.github.tfjavaxor.notebooks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The classpath the notebooks and the .jsh use: target/classpath.txt plus target/classes. */
final class ProjectClasspath {
  private ProjectClasspath() {}

  /** Written by maven-dependency-plugin in generate-resources (see pom.xml). */
  static final Path FILE = Path.of("target", "classpath.txt");

  static String read() throws IOException {
    if (!Files.exists(FILE)) {
      throw new IllegalStateException(
          "expected " + FILE.toAbsolutePath() + " from `mvn compile`, found no such file");
    }
    return Files.readString(FILE).strip()
        + File.pathSeparator
        + Path.of("target", "classes").toAbsolutePath();
  }

  /** Removes ANSI colour codes and Keras's \b/\r redraws, keeping the final text of each line. */
  static String plain(String s) {
    String noAnsi = s.replaceAll("\u001b\\[[0-9;]*m", "").replace("\b", "");
    StringBuilder out = new StringBuilder();
    for (String line : noAnsi.split("\n", -1)) {
      int cr = line.lastIndexOf('\r');
      out.append(cr >= 0 ? line.substring(cr + 1) : line).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }
}
