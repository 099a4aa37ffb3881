package io.github.tfjavaxor.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CPU and oneDNN setting a run's numbers depend on. TensorFlow's oneDNN picks its kernels by
 * the CPU's vector extensions, so two machines can round the same graph differently; every report
 * that compares bits prints {@link #describe()} beside its result.
 *
 * <p>Example (this project's AMD machine): {@code CPU: AMD EPYC (family 25 model 17; fma avx2
 * avx512f avx512bw avx512vl avx512_vnni avx512_bf16 ...); TF_ENABLE_ONEDNN_OPTS=(unset);
 * XLA_FLAGS=--xla_cpu_use_thunk_runtime=false --xla_cpu_multi_thread_eigen=false}.
 */
public final class CpuInfo {
  /** Where Linux describes the CPU. */
  public static final Path CPUINFO_DEFAULT = Path.of("/proc/cpuinfo");

  private CpuInfo() {}

  /**
   * Prints {@link #describe()}: {@code java -cp CP io.github.tfjavaxor.device.CpuInfo}.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println(describe());
  }

  /** {@return {@code TF_ENABLE_ONEDNN_OPTS} as TensorFlow in this process sees it, or "(unset)"} */
  public static String onednnOpts() {
    String v = System.getenv("TF_ENABLE_ONEDNN_OPTS");
    return v == null ? "(unset)" : v;
  }

  /** {@return {@code XLA_FLAGS} (how XLA compiles {@code jit_compile} steps), or "(unset)"} */
  public static String xlaFlags() {
    String v = System.getenv("XLA_FLAGS");
    return v == null ? "(unset)" : v;
  }

  /**
   * One line: the CPU model, family and model numbers, its vector extensions (fma, f16c, avx*,
   * amx*), {@code TF_ENABLE_ONEDNN_OPTS} and {@code XLA_FLAGS}. Off Linux the CPU part is {@code
   * os.arch}.
   *
   * @return the line, for failure messages of tests that compare bits
   */
  public static String describe() {
    return describe(CPUINFO_DEFAULT) + "; TF_ENABLE_ONEDNN_OPTS=" + onednnOpts() + "; XLA_FLAGS="
        + xlaFlags();
  }

  /**
   * The CPU part of {@link #describe()} read from a cpuinfo file (its first processor).
   *
   * @return e.g. {@code CPU: Intel(R) Xeon(R) Platinum 8488C (family 6 model 143; avx2 avx512f
   *     avx512_fp16 amx_bf16)}; {@code CPU: os.arch amd64 (no /proc/cpuinfo)} if unreadable
   */
  static String describe(Path cpuinfo) {
    List<String> lines;
    try {
      lines = Files.readAllLines(cpuinfo);
    } catch (IOException e) {
      return "CPU: os.arch " + System.getProperty("os.arch") + " (no " + cpuinfo + ")";
    }
    String model = field(lines, "model name");
    String family = field(lines, "cpu family");
    String number = field(lines, "model");
    List<String> vector = new ArrayList<>();
    String flags = field(lines, "flags");
    for (String f : (flags == null ? "" : flags).split("\\s+")) {
      if (f.matches("fma|f16c|avx.*|amx.*")) {
        vector.add(f);
      }
    }
    StringBuilder s = new StringBuilder("CPU: ")
        .append(model == null ? System.getProperty("os.arch") : model).append(" (");
    if (family != null && number != null) {
      s.append("family ").append(family).append(" model ").append(number).append("; ");
    }
    s.append(vector.isEmpty() ? "no AVX" : String.join(" ", vector)).append(')');
    return s.toString();
  }

  private static String field(List<String> lines, String name) {
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }
}
