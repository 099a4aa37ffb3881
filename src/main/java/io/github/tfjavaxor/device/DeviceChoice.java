package io.github.tfjavaxor.device;

import java.util.Locale;

/**
 * The {@code --device} option: where training should run.
 *
 * <ul>
 *   <li>{@link #CPU}: the CPU only; GPUs are hidden from the session ({@code device_count {GPU: 0}}).
 *   <li>{@link #GPU}: GPU 0; fails before training, naming what is missing, if there is no usable
 *       GPU. Never falls back silently.
 *   <li>{@link #AUTO}: GPU 0 if usable, else the CPU with a one-line notice.
 * </ul>
 */
public enum DeviceChoice {
  /** The CPU only; GPUs hidden from the session. */
  CPU,
  /** GPU 0, or an error naming what is missing. */
  GPU,
  /** GPU 0 if usable, else the CPU with a notice. */
  AUTO;

  /** The default of {@code --device}. */
  public static final DeviceChoice DEFAULT = AUTO;

  /**
   * Parses {@code --device}.
   *
   * @param value {@code cpu}, {@code gpu} or {@code auto}, any case
   * @return the choice
   * @throws IllegalArgumentException "--device: expected cpu, gpu or auto, found 'x'"
   */
  public static DeviceChoice parse(String value) {
    for (DeviceChoice c : values()) {
      if (c.optionValue().equalsIgnoreCase(value)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "--device: expected cpu, gpu or auto, found '" + value + "'");
  }

  /** {@return the lower-case option value, as typed on the command line} */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
