package io.github.tfjavaxor.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.keras.SessionConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.ConfigProto;

/** cpu|gpu|auto resolution against fake environments: messages, fallbacks and session options. */
class DeviceResolverTest {
  static final DeviceInfo CPU0 =
      new DeviceInfo("/job:localhost/replica:0/task:0/device:CPU:0", "CPU", 268435456L);
  static final DeviceInfo GPU0 =
      new DeviceInfo("/job:localhost/replica:0/task:0/device:GPU:0", "GPU", 22_000_000_000L);
  static final String SEARCHED =
      ". Searched LD_LIBRARY_PATH, the ldconfig cache and /usr/local/cuda/lib64; see docs/gpu.md";

  @TempDir Path dir;
  final List<ConfigProto> listed = new ArrayList<>();

  /** A library dir holding the given sonames, as an empty file each. */
  CudaLibraries libs(String... sonames) throws IOException {
    for (String s : sonames) {
      Files.createFile(dir.resolve(s));
    }
    return CudaLibraries.in(dir.toString(), Map.of());
  }

  CudaLibraries allLibs() throws IOException {
    return libs(CudaLibraries.REQUIRED.stream().map(CudaLibraries.Library::soname)
        .toArray(String[]::new));
  }

  DeviceResolver.Environment env(NativeBuild natives, CudaLibraries libs, DeviceInfo... seen) {
    return new DeviceResolver.Environment(natives, libs, cfg -> {
      listed.add(cfg);
      return cfg.getDeviceCountOrDefault("GPU", -1) == 0
          ? List.of(CPU0) : List.of(seen);
    });
  }

  @Test
  void gpuWithNothingInstalledNamesEverythingMissingAndListsNoDevices() throws IOException {
    DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
        () -> DeviceResolver.resolve(DeviceChoice.GPU, false, SessionConfigs.DEFAULT,
            env(NativeBuild.CPU, libs(), CPU0)));
    assertEquals("--device gpu: no usable GPU: GPU natives not on the class path (build with"
        + " -Pgpu, which uses org.tensorflow:tensorflow-core-native:1.1.0:linux-x86_64-gpu);"
        + " not found: NVIDIA driver (libcuda.so.1), CUDA runtime (libcudart.so.12),"
        + " cuBLAS (libcublas.so.12), cuBLASLt (libcublasLt.so.12), cuFFT (libcufft.so.11),"
        + " cuSOLVER (libcusolver.so.11), cuSPARSE (libcusparse.so.12), cuDNN (libcudnn.so.9)"
        + SEARCHED, e.getMessage());
    assertTrue(listed.isEmpty(), "fails before any native work");
  }

  @Test
  void gpuWithWheelsButNoDriverNamesOnlyTheDriver() throws IOException {
    CudaLibraries libs = libs("libcudart.so.12", "libcublas.so.12", "libcublasLt.so.12",
        "libcufft.so.11", "libcusolver.so.11", "libcusparse.so.12", "libcudnn.so.9");
    DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
        () -> DeviceResolver.resolve(DeviceChoice.GPU, false, SessionConfigs.DEFAULT,
            env(NativeBuild.GPU, libs, CPU0)));
    assertEquals("--device gpu: no usable GPU: not found: NVIDIA driver (libcuda.so.1)" + SEARCHED,
        e.getMessage());
  }

  @Test
  void gpuWithDriverButNoCudnnNamesCudnn() throws IOException {
    CudaLibraries libs = libs("libcuda.so.1", "libcudart.so.12", "libcublas.so.12",
        "libcublasLt.so.12", "libcufft.so.11", "libcusolver.so.11", "libcusparse.so.12");
    DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
        () -> DeviceResolver.resolve(DeviceChoice.GPU, false, SessionConfigs.DEFAULT,
            env(NativeBuild.GPU, libs, CPU0)));
    assertEquals("--device gpu: no usable GPU: not found: cuDNN (libcudnn.so.9)" + SEARCHED,
        e.getMessage());
  }

  @Test
  void gpuWhenTensorFlowSeesNoGpuFailsToo() throws IOException {
    DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
        () -> DeviceResolver.resolve(DeviceChoice.GPU, false, SessionConfigs.DEFAULT,
            env(NativeBuild.GPU, allLibs(), CPU0)));
    assertTrue(e.getMessage().startsWith(
        "--device gpu: no usable GPU: TensorFlow sees no GPU (devices: /device:CPU:0)"),
        e.getMessage());
  }

  @Test
  void gpuTrainsOnGpu0WithMemoryGrowthAndTheBaseThreads() throws IOException {
    ResolvedDevice r = DeviceResolver.resolve(DeviceChoice.GPU, true, SessionConfigs.DEFAULT,
        env(NativeBuild.GPU, allLibs(), CPU0, GPU0));
    assertSame(GPU0, r.training());
    assertEquals(Optional.empty(), r.fallback());
    assertTrue(r.config().getGpuOptions().getAllowGrowth());
    assertTrue(r.config().getLogDevicePlacement());
    assertFalse(r.config().containsDeviceCount("GPU"));
    assertEquals(1, r.config().getIntraOpParallelismThreads());
    assertEquals(-1, r.config().getInterOpParallelismThreads()); // the base config's: run in the caller's thread
    assertEquals("TensorFlow devices (GPU natives):\n"
        + "  /job:localhost/replica:0/task:0/device:CPU:0 (CPU, 256 MiB)\n"
        + "  /job:localhost/replica:0/task:0/device:GPU:0 (GPU, 20980 MiB)\n"
        + "Training on /device:GPU:0 (--device gpu)", r.report());
  }

  @Test
  void autoWithCpuNativesSaysSoInOneShortLine() throws IOException {
    ResolvedDevice r = DeviceResolver.resolve(DeviceChoice.AUTO, false, SessionConfigs.DEFAULT,
        env(NativeBuild.CPU, allLibs(), CPU0, GPU0));
    assertEquals(Optional.of("training on the CPU (CPU natives; build with -Pgpu for CUDA)"),
        r.fallback());
    assertSame(CPU0, r.training());
    assertEquals("TensorFlow devices (CPU natives):\n"
        + "  /job:localhost/replica:0/task:0/device:CPU:0 (CPU, 256 MiB)\n"
        + "training on the CPU (CPU natives; build with -Pgpu for CUDA)\n"
        + "Training on /device:CPU:0 (--device auto)", r.report());
  }

  @Test
  void autoFallsBackToCpuInOneLine() throws IOException {
    // --log-device-placement asks for the details: the full reason, as --device gpu gives it.
    ResolvedDevice r = DeviceResolver.resolve(DeviceChoice.AUTO, true, SessionConfigs.DEFAULT,
        env(NativeBuild.CPU, allLibs(), CPU0, GPU0));
    assertEquals(Optional.of("--device auto: no usable GPU (GPU natives not on the class path"
        + " (build with -Pgpu, which uses org.tensorflow:tensorflow-core-native:1.1.0:"
        + "linux-x86_64-gpu)); training on the CPU"), r.fallback());
    assertSame(CPU0, r.training());
    assertEquals(0, r.config().getDeviceCountOrThrow("GPU"));
    assertTrue(r.config().getLogDevicePlacement());
    assertEquals("TensorFlow devices (CPU natives):\n"
        + "  /job:localhost/replica:0/task:0/device:CPU:0 (CPU, 256 MiB)\n"
        + r.fallback().get() + "\n"
        + "Training on /device:CPU:0 (--device auto)", r.report());
  }

  @Test
  void autoUsesTheGpuWhenThereIsOne() throws IOException {
    ResolvedDevice r = DeviceResolver.resolve(DeviceChoice.AUTO, false, SessionConfigs.DEFAULT,
        env(NativeBuild.GPU, allLibs(), CPU0, GPU0));
    assertSame(GPU0, r.training());
    assertEquals(Optional.empty(), r.fallback());
  }

  @Test
  void autoFallsBackWhenTensorFlowSeesNoGpu() throws IOException {
    ResolvedDevice r = DeviceResolver.resolve(DeviceChoice.AUTO, false, SessionConfigs.DEFAULT,
        env(NativeBuild.GPU, allLibs(), CPU0));
    assertSame(CPU0, r.training());
    assertTrue(r.fallback().orElseThrow().startsWith(
        "--device auto: no usable GPU (TensorFlow sees no GPU (devices: /device:CPU:0)"));
    assertEquals(0, r.config().getDeviceCountOrThrow("GPU"));
  }

  @Test
  void cpuHidesGpusEvenWhenUsable() throws IOException {
    ResolvedDevice r = DeviceResolver.resolve(DeviceChoice.CPU, false, SessionConfigs.DEFAULT,
        env(NativeBuild.GPU, allLibs(), CPU0, GPU0));
    assertSame(CPU0, r.training());
    assertEquals(Optional.empty(), r.fallback());
    assertEquals(List.of(CPU0), r.devices());
    assertEquals(0, listed.get(0).getDeviceCountOrThrow("GPU"));
    assertTrue(r.config().getGpuOptions().getAllowGrowth());
  }

  @Test
  void parseAcceptsTheThreeValuesAndNamesABadOne() {
    assertEquals(DeviceChoice.GPU, DeviceChoice.parse("gpu"));
    assertEquals(DeviceChoice.CPU, DeviceChoice.parse("CPU"));
    assertEquals(DeviceChoice.AUTO, DeviceChoice.parse("auto"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse("tpu"));
    assertEquals("--device: expected cpu, gpu or auto, found 'tpu'", e.getMessage());
  }

  @Test
  void librariesAreFoundInLdLibraryPathThenTheLdconfigCache() throws IOException {
    Path a = Files.createDirectory(dir.resolve("a"));
    Path b = Files.createDirectory(dir.resolve("b"));
    Files.createFile(b.resolve("libcudart.so.12"));
    Files.createFile(a.resolve("libcudart.so.12"));
    Map<String, Path> cache = CudaLibraries.parseLdconfig(
        "3 libs found in cache `/etc/ld.so.cache'\n"
            + "\tlibcudnn.so.9 (libc6,x86-64) => /opt/cudnn/lib/libcudnn.so.9\n"
            + "\tlibcuda.so.1 (libc6) => /usr/lib32/libcuda.so.1\n");
    CudaLibraries libs = CudaLibraries.in(a + ":" + b, cache);
    assertEquals(Optional.of(a.resolve("libcudart.so.12")), libs.find("libcudart.so.12"));
    assertEquals(Optional.of(Path.of("/opt/cudnn/lib/libcudnn.so.9")), libs.find("libcudnn.so.9"));
    assertEquals(List.of(a, b), libs.ldLibraryPathDirs());
    // the 32-bit libcuda does not count
    assertTrue(libs.missing().stream().anyMatch(l -> l.soname().equals("libcuda.so.1")));
  }
}
