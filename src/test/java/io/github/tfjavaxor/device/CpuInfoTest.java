package io.github.tfjavaxor.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuInfoTest {
  @Test
  void namesTheModelAndItsVectorExtensions(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("cpuinfo");
    Files.writeString(f, "processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\n"
        + "model\t\t: 207\nmodel name\t: Intel(R) Xeon(R) Platinum 8581C\n"
        + "flags\t\t: fpu sse2 avx avx2 fma avx512f avx512_fp16 amx_bf16 rdrand\n\n"
        + "processor\t: 1\nmodel name\t: ignored\n");
    assertEquals("CPU: Intel(R) Xeon(R) Platinum 8581C (family 6 model 207; avx avx2 fma avx512f"
        + " avx512_fp16 amx_bf16)", CpuInfo.describe(f));
  }

  @Test
  void withoutCpuinfoNamesTheArchitecture(@TempDir Path dir) {
    assertEquals("CPU: os.arch " + System.getProperty("os.arch") + " (no " + dir.resolve("none")
        + ")", CpuInfo.describe(dir.resolve("none")));
  }

  @Test
  void describeEndsWithTheOnednnAndXlaSettings() {
    String env = System.getenv("TF_ENABLE_ONEDNN_OPTS");
    String xla = System.getenv("XLA_FLAGS");
    assertTrue(CpuInfo.describe().endsWith("; TF_ENABLE_ONEDNN_OPTS="
        + (env == null ? "(unset)" : env) + "; XLA_FLAGS=" + (xla == null ? "(unset)" : xla)),
        CpuInfo.describe());
  }
}
