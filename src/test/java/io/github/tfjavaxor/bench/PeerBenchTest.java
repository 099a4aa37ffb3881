package io.github.tfjavaxor.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The benchmark's n-bit parity data, which python/peers/common.py must generate identically. */
class PeerBenchTest {

  @Test
  void twoBitParityIsTheTutorialsXor() {
    float[][][] d = PeerBench.parity(2);
    assertArrayEquals(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, d[0]);
    assertArrayEquals(new float[][] {{0}, {1}, {1}, {0}}, d[1]);
  }

  @Test
  void threeBitParityRowsAreBinaryCountingMsbFirst() {
    float[][][] d = PeerBench.parity(3);
    assertArrayEquals(new float[] {1, 1, 0}, d[0][6]);
    assertArrayEquals(new float[] {1, 1, 1}, d[0][7]);
    float[] labels = new float[8];
    for (int i = 0; i < 8; i++) {
      labels[i] = d[1][i][0];
    }
    assertArrayEquals(new float[] {0, 1, 1, 0, 1, 0, 0, 1}, labels);
  }
}
