package io.github.tfjavaxor.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tfjavaxor.datasets.LogicGates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpochCsvTest {
  @TempDir Path tmp;

  private SideBySide.Result result(RunLog k, RunLog j) {
    return new SideBySide.Result(SideBySideConfig.tutorial(42, k.epochs(), null, false),
        LogicGates.XOR.dataset(), k, j, null, Comparison.of(k, j), null, null, "0",
        tmp.resolve("init.weights.h5"));
  }

  @Test
  void writesOneRowPerEpochWithTheGap() throws IOException {
    RunLog k = ComparisonTest.run(new float[] {0.25f, 0.125f}, new float[] {0.5f, 1f}, 0.1f);
    RunLog j = ComparisonTest.run(new float[] {0.25f, 0.1875f}, new float[] {0.5f, 0.75f}, 0.1f);
    Path csv = tmp.resolve("e.csv");
    EpochCsv.write(csv, result(k, j));
    assertEquals(List.of(
        "epoch,keras_loss,java_loss,abs_diff_loss,keras_binary_accuracy,java_binary_accuracy",
        "1,0.250000000,0.250000000,0.000e+00,0.5,0.5",
        "2,0.125000000,0.187500000,6.250e-02,1.0,0.75"), Files.readAllLines(csv));
  }

  @Test
  void validationAndOtherMetricsGetTheirOwnColumns() throws IOException {
    Map<String, float[]> h = Map.of("loss", new float[] {0.25f},
        "mean_squared_error", new float[] {0.25f}, "val_loss", new float[] {0.5f},
        "val_mean_squared_error", new float[] {0.5f});
    RunLog k = ComparisonTest.run(h, 0.1f);
    Path csv = tmp.resolve("v.csv");
    EpochCsv.write(csv, result(k, k));
    assertEquals(List.of("epoch,keras_loss,java_loss,abs_diff_loss,keras_mean_squared_error,"
        + "java_mean_squared_error,abs_diff_mean_squared_error,keras_val_loss,java_val_loss,"
        + "abs_diff_val_loss,keras_val_mean_squared_error,java_val_mean_squared_error,"
        + "abs_diff_val_mean_squared_error",
        "1,0.250000000,0.250000000,0.000e+00,0.250000000,0.250000000,0.000e+00,0.500000000,"
        + "0.500000000,0.000e+00,0.500000000,0.500000000,0.000e+00"), Files.readAllLines(csv));
  }
}
