package io.github.tfjavaxor.bench;

import io.github.tfjavaxor.tutorial.XorTutorial;
import java.nio.file.Files;
import java.nio.file.Path;

/** The tutorial's main, then its peak RSS on stderr; what {@link TutorialBenchmark} times. */
public final class TutorialProcess {
  private TutorialProcess() {}

  /**
   * Runs the tutorial, then prints {@code VmHWM} from {@code /proc/self/status} on stderr.
   *
   * @param args the tutorial's options
   * @throws Exception if the tutorial fails or {@code /proc} cannot be read
   */
  public static void main(String[] args) throws Exception {
    XorTutorial.main(args);
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        System.err.println(line);
      }
    }
  }
}
