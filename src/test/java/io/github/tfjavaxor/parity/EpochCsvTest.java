package io.github.tfjavaxor.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpochCsvTest {
  @TempDir Path tmp;

  @Test
  void writesOneRowPerEpochWithTheGap() throws IOException {
    float[][] p = {{0.1f}};
    RunLog k = new RunLog(new float[] {0.25f, 0.125f}, new float[] {0.5f, 1f},
        new float[] {0.1f, 1f}, p);
    RunLog j = new RunLog(new float[] {0.25f, 0.1875f}, new float[] {0.5f, 0.75f},
        new float[] {0.1f, 1f}, p);
    SideBySide.Result r = new SideBySide.Result(k, j, null, Comparison.of(k, j), null, "0",
        tmp.resolve("init.weights.h5"));
    Path csv = tmp.resolve("e.csv");
    EpochCsv.write(csv, r);
    assertEquals(List.of(
        "epoch,keras_loss,java_loss,abs_diff_loss,keras_binary_accuracy,java_binary_accuracy",
        "1,0.250000000,0.250000000,0.000e+00,0.5,0.5",
        "2,0.125000000,0.187500000,6.250e-02,1.0,0.75"), Files.readAllLines(csv));
  }
}
