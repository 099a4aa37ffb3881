package io.github.tfjavaxor.keras.trainers;

import java.util.Locale;

/**
 * Keras's {@code compile(jit_compile=...)}: {@code "auto"}, {@code True} or {@code False}. As in
 * {@code keras/src/trainers/trainer.py} ({@code _resolve_auto_jit_compile}), {@code auto} turns XLA
 * on only when a device other than the CPU is visible; the Dense stack supports XLA ({@code
 * model_supports_jit}).
 *
 * <p>XLA compiles the loops of {@code fit}, {@code evaluate} and {@code predict} (the steps scanned
 * over the batches, one step per run included): its kernels round differently from the ones the
 * exact path runs, so per-epoch losses drift from Keras's exact run, within 1e-5 relative
 * ({@code StepPathsTest}).
 */
public enum JitCompile {
  /** XLA when a GPU is visible, as Keras's default {@code "auto"}. */
  AUTO("auto"),
  /** Always XLA ({@code jit_compile=True}). */
  TRUE("true"),
  /** Never XLA ({@code jit_compile=False}). */
  FALSE("false");

  /** Keras's default. */
  public static final JitCompile JIT_COMPILE_DEFAULT = AUTO;

  private final String optionValue;

  JitCompile(String optionValue) {
    this.optionValue = optionValue;
  }

  /** {@return the value as Keras and {@code --jit-compile} write it: auto, true or false} */
  public String optionValue() {
    return optionValue;
  }

  /**
   * Resolves {@code auto} as Keras's {@code _resolve_auto_jit_compile} does.
   *
   * @param acceleratorVisible true if the model's session sees a GPU
   * @return whether to compile with XLA
   */
  public boolean resolve(boolean acceleratorVisible) {
    return this == TRUE || (this == AUTO && acceleratorVisible);
  }

  /**
   * Parses a {@code --jit-compile} value.
   *
   * @param value {@code auto}, {@code true} or {@code false}, any case
   * @return the matching constant
   * @throws IllegalArgumentException naming the accepted values otherwise
   */
  public static JitCompile of(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (JitCompile j : values()) {
      if (j.optionValue.equals(v)) {
        return j;
      }
    }
    throw new IllegalArgumentException(
        "jit_compile: expected auto, true or false, found '" + value + "'");
  }
}
