package io.github.tfjavaxor.keras.trainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replayed steps show their share of the run's time, as if each had run alone. */
class StepClockTest {
  @Test
  void aRunsTimeIsSpreadEvenlyOverItsSteps() {
    EpochIterator.Run run = new EpochIterator.Run(1_000_000, 4_000_000, 4);
    assertEquals(1_000_000, run.at(0));
    assertEquals(2_000_000, run.at(1));
    assertEquals(5_000_000, run.at(4));
    EpochIterator.Chunk second = new EpochIterator.Chunk(0, new float[4][2], 2, 2, run);
    assertEquals(4_000_000, second.end(0), "step 0 of this epoch is the run's third");
    assertEquals(5_000_000, second.end(1));
  }

  @Test
  void theProgressBarReadsTheClock() {
    StepClock clock = new StepClock();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    var bar = clock.progbar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    bar.onTrainBegin(1, 1, 2);
    clock.set(0);
    bar.onEpochBegin(0);
    clock.set(52_000); // the step ended 52 µs after the epoch began
    bar.onTrainBatchEnd(0, Map.of("loss", 0.25));
    bar.onEpochEnd(0, Map.of("loss", 0.25));
    assertEquals("1/1 - 0s - 52us/step - loss: 0.2500\n",
        bytes.toString(StandardCharsets.UTF_8));
    clock.set(StepClock.LIVE);
    long before = System.nanoTime();
    assertTrue(clock.getAsLong() >= before);
  }
}
