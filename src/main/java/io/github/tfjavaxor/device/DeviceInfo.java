package io.github.tfjavaxor.device;

/**
 * One device a TensorFlow session sees, as {@code TF_SessionListDevices} reports it.
 *
 * @param name full name, e.g. {@code /job:localhost/replica:0/task:0/device:CPU:0}
 * @param type {@code CPU} or {@code GPU}
 * @param memoryBytes memory TensorFlow reports for the device, in bytes (CPU: 268435456)
 */
public record DeviceInfo(String name, String type, long memoryBytes) {

  /** {@return the short form used in placements, e.g. {@code /device:CPU:0}} */
  public String shortName() {
    int i = name.indexOf("/device:");
    return i < 0 ? name : name.substring(i);
  }

  @Override
  public String toString() {
    return name + " (" + type + ", " + (memoryBytes >> 20) + " MiB)";
  }
}
