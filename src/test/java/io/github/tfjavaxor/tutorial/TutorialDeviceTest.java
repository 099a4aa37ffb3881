package io.github.tfjavaxor.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.tfjavaxor.device.CudaLibraries;
import io.github.tfjavaxor.device.DeviceChoice;
import io.github.tfjavaxor.device.DeviceResolver;
import io.github.tfjavaxor.device.NativeBuild;
import io.github.tfjavaxor.device.ResolvedDevice;
import io.github.tfjavaxor.keras.SessionConfigs;
import io.github.tfjavaxor.keras.Xor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --device} and {@code --log-device-placement} of the {@code tutorial} command, on a machine
 * without a GPU (CI): the gpu error, the auto fallback, and results unchanged by the device
 * options.
 */
class TutorialDeviceTest {
  static final String LIBS_MISSING =
      "not found: NVIDIA driver (libcuda.so.1), CUDA runtime (libcudart.so.12),"
          + " cuBLAS (libcublas.so.12), cuBLASLt (libcublasLt.so.12), cuFFT (libcufft.so.11),"
          + " cuSOLVER (libcusolver.so.11), cuSPARSE (libcusparse.so.12), cuDNN (libcudnn.so.9)";
  static final String NATIVES_MISSING =
      "GPU natives not on the class path (build with -Pgpu, which uses"
          + " org.tensorflow:tensorflow-core-native:1.1.0:linux-x86_64-gpu)";

  record Exit(int code, String stdout, String stderr) {}

  static Exit tutorial(String... args) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp",
        System.getProperty("java.class.path"), "io.github.tfjavaxor.cli.TfjavaXor", "tutorial"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    pb.environment().remove("LD_LIBRARY_PATH");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    return new Exit(p.waitFor(), new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  /** CI machines have no CUDA at all; on a GPU box these exact messages do not apply. */
  static void assumeNoCuda() {
    assumeTrue(CudaLibraries.system().missing().size() == CudaLibraries.REQUIRED.size(),
        "CUDA libraries present on this machine");
  }

  static String whyNoGpu() {
    return NativeBuild.onClassPath() == NativeBuild.CPU
        ? NATIVES_MISSING + "; " + LIBS_MISSING
        : LIBS_MISSING;
  }

  @Test
  void deviceGpuWithoutGpuExitsAtOnceNamingWhatIsMissing() throws Exception {
    assumeNoCuda();
    Exit e = tutorial("--device", "gpu", "--epochs", "1", "--verbose", "0");
    assertEquals(3, e.code());
    assertEquals("", e.stdout(), "nothing trained, nothing printed");
    assertEquals("tfjava-xor tutorial: --device gpu: no usable GPU: " + whyNoGpu()
        + ". Searched LD_LIBRARY_PATH, the ldconfig cache and /usr/local/cuda/lib64;"
        + " see docs/gpu.md\n", e.stderr());
  }

  @Test
  void deviceAutoFallsBackToTheCpuAndSaysSoInOneLine() throws Exception {
    assumeNoCuda();
    Exit e = tutorial("--device", "auto", "--verbose", "0");
    assertEquals(0, e.code(), e.stderr());
    List<String> lines = e.stderr().lines().toList();
    // With the CPU natives no GPU is possible: one short line; the GPU build names what is missing.
    String fallback = NativeBuild.onClassPath() == NativeBuild.CPU
        ? "training on the CPU (CPU natives; build with -Pgpu for CUDA)"
        : "--device auto: no usable GPU (" + whyNoGpu() + "); training on the CPU";
    int at = lines.indexOf("TensorFlow devices (" + NativeBuild.onClassPath() + " natives):");
    assertTrue(at >= 0, e.stderr());
    assertEquals(List.of("  /job:localhost/replica:0/task:0/device:CPU:0 (CPU, 256 MiB)",
        fallback, "Training on /device:CPU:0 (--device auto)"), lines.subList(at + 1, at + 4));
    assertTrue(e.stdout().endsWith("[[0.]\n [1.]\n [1.]\n [0.]]\n"), e.stdout());
  }

  @Test
  void deviceOptionsDoNotChangeTheResults() {
    XorTutorial.Run plain = XorTutorial.run(42, 300, 0, Xor.NULL_OUT);
    for (DeviceChoice choice : List.of(DeviceChoice.CPU, DeviceChoice.AUTO)) {
      ResolvedDevice d = DeviceResolver.resolve(choice, true, SessionConfigs.DEFAULT);
      XorTutorial.Run run = XorTutorial.run(42, 300, 0, Xor.NULL_OUT, d.config());
      assertArrayEquals(plain.epochLoss(), run.epochLoss(), choice.toString());
      assertArrayEquals(plain.scores(), run.scores());
      for (int i = 0; i < 4; i++) {
        assertArrayEquals(plain.predictions()[i], run.predictions()[i]);
      }
    }
  }

  @Test
  void aBadDeviceIsAUsageError() throws Exception {
    Exit e = tutorial("--device", "tpu");
    assertEquals(2, e.code());
    assertEquals("", e.stdout());
    assertTrue(e.stderr().startsWith("tfjava-xor tutorial: --device: expected cpu, gpu or auto,"
        + " found 'tpu'"), e.stderr());
  }
}
