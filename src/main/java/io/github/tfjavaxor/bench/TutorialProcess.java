package io.github.tfjavaxor.bench;

import io.github.tfjavaxor.tutorial.XorTutorial;
import java.nio.file.Files;
import java.nio.file.Path;

/** The tutorial's main, then its peak RSS on stderr; what {@link TutorialBenchmark} times. */
public final class TutorialProcess {
  private TutorialProcess() {}

  public static void main(String[] args) throws Exception {
    XorTutorial.main(args);
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        System.err.println(line);
      }
    }
  }
}
