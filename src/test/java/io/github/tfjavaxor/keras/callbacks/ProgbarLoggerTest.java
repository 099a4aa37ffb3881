package io.github.tfjavaxor.keras.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Keras 3's progress output, character for character, with a fake clock. */
class ProgbarLoggerTest {
  static final String B = "\u001b[1m";
  static final String R = "\u001b[0m";
  static final String G = "\u001b[32m";
  static final String W = "\u001b[37m";
  static final String BAR = "\u2501".repeat(20);

  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  final AtomicLong nanos = new AtomicLong();

  static Map<String, Double> logs(double acc, double loss) {
    Map<String, Double> m = new TreeMap<>();
    m.put("loss", loss);
    m.put("binary_accuracy", acc);
    return m;
  }

  String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void verbose1OneStepEpochDrawsTwiceThenNewline() {
    ProgbarLogger p = new ProgbarLogger(out, nanos::get, true, '\u2501');
    p.onTrainBegin(2, 1, 1);
    p.onEpochBegin(0);
    nanos.set(12_000_000); // 12 ms
    p.onTrainBatchEnd(0, logs(0.5, 0.2634));
    p.onEpochEnd(0, logs(0.5, 0.2634));
    String line = "1/1 " + BAR + " 0s 12ms/step - binary_accuracy: 0.5000 - loss: 0.2634";
    int width = line.length();
    String first =
        "\r" + B + "1/1" + R + " " + G + BAR + R + W + R + " " + B + "0s" + R
            + " 12ms/step - binary_accuracy: 0.5000 - loss: 0.2634";
    String second = "\b".repeat(width) + first + "\n";
    assertEquals("Epoch 1/2\n" + first + second, text());
  }

  @Test
  void verbose2IsOneLinePerEpochWithSmallValuesInScientific() {
    ProgbarLogger p = new ProgbarLogger(out, nanos::get, true, '=');
    p.onTrainBegin(1000, 1, 2);
    p.onEpochBegin(0);
    nanos.set(457_000); // 457 us
    p.onTrainBatchEnd(0, logs(1.0, 0.0008));
    p.onEpochEnd(0, logs(1.0, 0.0008));
    assertEquals(
        "Epoch 1/1000\n1/1 - 0s - 457us/step - binary_accuracy: 1.0000 - loss: 8.0000e-04\n",
        text());
  }

  @Test
  void singleEpochHasNoEpochLineAndVerbose0PrintsNothing() {
    ProgbarLogger p = new ProgbarLogger(out, nanos::get, false, '=');
    p.onTrainBegin(1, 1, 2);
    p.onEpochBegin(0);
    nanos.set(2_000_000_000L);
    p.onEpochEnd(0, logs(0.75, 0.25));
    assertEquals("1/1 - 2s - 2s/step - binary_accuracy: 0.7500 - loss: 0.2500\n", text());

    bytes.reset();
    ProgbarLogger quiet = new ProgbarLogger(out, nanos::get, false, '=');
    quiet.onTrainBegin(5, 1, 0);
    quiet.onEpochBegin(0);
    quiet.onTrainBatchEnd(0, logs(1, 0.1));
    quiet.onEpochEnd(0, logs(1, 0.1));
    assertEquals("", text());
  }

  @Test
  void predictBarHasNoMetrics() {
    ProgbarLogger p = new ProgbarLogger(out, nanos::get, false, '=');
    p.onPredictBegin(1, 2);
    nanos.set(30_000_000);
    p.onPredictBatchEnd(0);
    p.onPredictEnd();
    assertEquals("1/1 - 0s - 30ms/step\n", text());
  }
}
