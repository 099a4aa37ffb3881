package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.keras.trainers.JitCompile;
import io.github.tfjavaxor.device.DeviceChoice;
import io.github.tfjavaxor.device.DeviceResolver;
import io.github.tfjavaxor.device.ResolvedDevice;
import io.github.tfjavaxor.keras.SessionConfigs;
import java.io.PrintStream;
import org.tensorflow.proto.ConfigProto;
import picocli.CommandLine.Option;

/** {@code --device} and {@code --log-device-placement}, as the tutorial takes them (docs/gpu.md). */
final class DeviceOptions {
  @Option(names = "--device", paramLabel = "cpu|gpu|auto", defaultValue = "auto",
      description = "where to train: cpu, gpu (fails at once, naming what is missing, without a usable"
          + " GPU) or auto (the GPU if usable, else the CPU, said in one line) (default: ${DEFAULT-VALUE})")
  String device;

  @Option(names = "--log-device-placement",
      description = "TensorFlow logs each op's device (stderr, INFO level)")
  boolean logPlacement;

  @Option(names = "--jit-compile", paramLabel = "auto|true|false", defaultValue = "auto",
      description = "XLA for fit's, evaluate's and predict's loops over the batches, as Keras's compile(jit_compile=...): auto turns it on when training on a GPU, as Keras does; true also on the CPU. XLA rounds differently, so losses drift from Keras's exact run, within 1e-5 relative (docs/performance.md) (default: ${DEFAULT-VALUE})")
  String jitCompile;

  private boolean onGpu;

  /** The parsed {@code --jit-compile}; a usage error (exit 2) before any native work. */
  JitCompile jitCompile() {
    try {
      return JitCompile.of(jitCompile);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--jit-compile: expected auto, true or false, found '" + jitCompile + "'");
    }
  }

  /** True if {@link #resolve} chose a GPU (Keras's auto jit_compile then turns XLA on). */
  boolean onGpu() {
    return onGpu;
  }

  /** The parsed choice; a usage error (exit 2) before any native work. */
  DeviceChoice choice() {
    try {
      return DeviceChoice.parse(device);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * Lists the devices, prints which one trains to {@code err}, and returns the session options.
   *
   * @throws io.github.tfjavaxor.device.DeviceUnavailableException for {@code gpu} without a GPU
   */
  ConfigProto resolve(PrintStream err) {
    ResolvedDevice r = DeviceResolver.resolve(choice(), logPlacement, SessionConfigs.DEFAULT);
    err.println(r.report());
    onGpu = r.training().type().equals("GPU");
    return r.config();
  }
}
