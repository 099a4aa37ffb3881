package io.github.tfjavaxor.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tutorial's claim: 1000 epochs reach 100% binary accuracy. */
class XorLearnsTest {

  @Test
  void defaultSeedReachesFullAccuracyAndRoundsToXor() {
    try (Sequential model = Xor.model(Sequential.SEED_DEFAULT)) {
      model.fit(Xor.X, Xor.Y, 1000, 32, 0);
      assertEquals(1.0f, model.evaluate(Xor.X, Xor.Y, 32, 0)[1]);
      float[][] p = model.predict(Xor.X, 32, 0);
      float[] rounded = new float[4];
      for (int i = 0; i < 4; i++) {
        rounded[i] = (float) Math.rint(p[i][0]);
      }
      assertEquals(List.of(0f, 1f, 1f, 0f), List.of(rounded[0], rounded[1], rounded[2], rounded[3]));
    }
  }

  @Test
  void atLeast18OfSeeds1To20Learn() {
    List<Long> failed = new ArrayList<>();
    for (long seed = 1; seed <= 20; seed++) {
      try (Sequential model = Xor.model(seed)) {
        model.fit(Xor.X, Xor.Y, 1000, 32, 0);
        if (model.evaluate(Xor.X, Xor.Y, 32, 0)[1] != 1.0f) {
          failed.add(seed);
        }
      }
    }
    assertTrue(failed.size() <= 2, "seeds that did not reach 100%: " + failed);
  }
}
