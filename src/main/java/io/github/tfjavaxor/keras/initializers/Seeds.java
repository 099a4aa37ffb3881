package io.github.tfjavaxor.keras.initializers;

/**
 * Derives one op-level seed per layer from a model seed.
 *
 * <p>Why: TF's stateless random ops give the same stream for the same seed whatever the shape, so
 * two layers seeded alike would start with the same leading weights. SplitMix64 spreads (seed,
 * layer index) over the whole {@code long} range; the result is stable across JVMs and machines.
 */
public final class Seeds {

  private Seeds() {}

  /**
   * The kernel seed of the layer at {@code layerIndex} (0 for the first Dense).
   *
   * @param modelSeed any value
   * @param layerIndex 0-based position in the model
   * @return a well-mixed seed
   */
  public static long forLayer(long modelSeed, int layerIndex) {
    long z = modelSeed + 0x9E3779B97F4A7C15L * (layerIndex + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
