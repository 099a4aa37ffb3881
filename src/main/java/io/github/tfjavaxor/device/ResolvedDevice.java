package io.github.tfjavaxor.device;

import java.util.List;
import java.util.Optional;
import org.tensorflow.proto.ConfigProto;

/**
 * A {@link DeviceChoice} resolved before training.
 *
 * @param requested what was asked for
 * @param natives the native build in use
 * @param devices what TensorFlow sees with {@link #config}
 * @param training the device the model trains on (GPU:0 or CPU:0)
 * @param config the session options to train with: the base options plus GPU memory growth,
 *     {@code log_device_placement} if asked, and {@code device_count {GPU: 0}} on the CPU
 * @param fallback the one-line notice when {@code auto} fell back to the CPU
 */
public record ResolvedDevice(
    DeviceChoice requested,
    NativeBuild natives,
    List<DeviceInfo> devices,
    DeviceInfo training,
    ConfigProto config,
    Optional<String> fallback) {

  /**
   * {@return the lines to print at start (stderr): devices seen, the fallback notice if any, the
   * device used}
   */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append("TensorFlow devices (").append(natives.name()).append(" natives):");
    for (DeviceInfo d : devices) {
      sb.append("\n  ").append(d);
    }
    fallback.ifPresent(f -> sb.append('\n').append(f));
    sb.append("\nTraining on ")
        .append(training.shortName())
        .append(" (--device ")
        .append(requested.optionValue())
        .append(')');
    return sb.toString();
  }
}
