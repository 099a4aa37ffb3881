package io.github.tfjavaxor.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.tfjavaxor.device.DeviceChoice;
import io.github.tfjavaxor.device.DeviceResolver;
import io.github.tfjavaxor.device.NativeBuild;
import io.github.tfjavaxor.device.ResolvedDevice;
import io.github.tfjavaxor.keras.SessionConfigs;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The {@code -Pgpu} build on a machine without a GPU: the CUDA natives load, {@code auto} falls
 * back to the CPU, and training is bit-identical to the CPU natives (run in a child JVM whose class
 * path has the CPU jar instead). Runs only under {@code mvn -Pgpu test -Dtest=GpuBuildTest}.
 */
@EnabledIfSystemProperty(named = "tfjavaxor.natives", matches = "gpu")
class GpuBuildTest {
  static final String GPU_JAR = "tensorflow-core-native-1.1.0-linux-x86_64-gpu.jar";
  static final String CPU_JAR = "tensorflow-core-native-1.1.0-linux-x86_64.jar";

  @Test
  void gpuNativesLoadAndAutoFallsBackToTheCpu() {
    assertEquals(NativeBuild.GPU, NativeBuild.onClassPath());
    ResolvedDevice d = DeviceResolver.resolve(DeviceChoice.AUTO, false, SessionConfigs.DEFAULT);
    String lib = NativeBuild.loadedLibrary().orElseThrow();
    assertTrue(lib.contains("/linux-x86_64-gpu/libtensorflow_cc.so.2"), lib);
    assumeTrue(d.devices().stream().noneMatch(x -> x.type().equals("GPU")), "a GPU is present");
    assertEquals("/device:CPU:0", d.training().shortName());
    assertTrue(d.fallback().orElseThrow().startsWith("--device auto: no usable GPU ("),
        d.fallback().get());
    assertEquals(0, d.config().getDeviceCountOrThrow("GPU"));
  }

  @Test
  void gpuNativesOnTheCpuAreBitIdenticalToTheCpuBuild() throws Exception {
    String gpuDigest = RunDigest.digest(1000);
    List<String> cp = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    assertTrue(cp.stream().anyMatch(p -> p.endsWith(GPU_JAR)), "GPU jar on the test class path");
    String cpuCp = cp.stream()
        .map(p -> p.endsWith(GPU_JAR) ? p.substring(0, p.length() - GPU_JAR.length()) + CPU_JAR : p)
        .collect(Collectors.joining(File.pathSeparator));
    Path cpuJar = Path.of(cp.stream().filter(p -> p.endsWith(GPU_JAR)).findFirst().orElseThrow()
        .replace(GPU_JAR, CPU_JAR));
    assertTrue(Files.exists(cpuJar), cpuJar + " missing: run the default build (mvn test) first");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", cpuCp, RunDigest.class.getName(), "1000");
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    List<String> out =
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertEquals(0, p.waitFor());
    assertTrue(out.get(1).contains("/linux-x86_64/libtensorflow_cc.so.2"), out.get(1));
    assertEquals(out.get(0).split(" ").length, 1000 + 1000 + 2 + 4);
    assertEquals(out.get(0), gpuDigest, "GPU natives (this JVM) vs CPU natives (child JVM)");
  }
}
