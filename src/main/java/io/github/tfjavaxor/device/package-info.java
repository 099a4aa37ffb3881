/**
 * Device control for TensorFlow Java 1.1: which native build is on the class path, which CUDA
 * libraries the GPU build would find, the devices TensorFlow sees, and a {@code cpu|gpu|auto}
 * choice resolved into a session {@link org.tensorflow.proto.ConfigProto} before training.
 *
 * <p>Entry point: {@link io.github.tfjavaxor.device.DeviceResolver#resolve}. A CLI maps
 * {@code --device} with {@link io.github.tfjavaxor.device.DeviceChoice#parse} and
 * {@code --log-device-placement} to its two arguments, prints {@link
 * io.github.tfjavaxor.device.ResolvedDevice#report()} to stderr and passes {@link
 * io.github.tfjavaxor.device.ResolvedDevice#config()} to the session. See {@code docs/gpu.md}.
 */
package io.github.tfjavaxor.device;
