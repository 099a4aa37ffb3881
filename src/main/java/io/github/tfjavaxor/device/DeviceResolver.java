package io.github.tfjavaxor.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/**
 * Resolves {@code --device cpu|gpu|auto} into session options before any training.
 *
 * <p>First, without loading TensorFlow: are the GPU natives on the class path, and can the CUDA
 * libraries they {@code dlopen} be found? {@code gpu} fails here at once if not. Then the devices
 * are listed through the C API ({@link Devices#list}); {@code gpu} also fails if TensorFlow sees
 * no GPU (driver too old, no card). {@code auto} falls back to the CPU with a one-line notice.
 * Training on GPU 0 uses TensorFlow's default placement (as Keras does); memory growth is always
 * on, so the 4-row tutorial does not reserve the whole card.
 */
public final class DeviceResolver {

  /**
   * What the resolver looks at; {@link #system()} in production, fakes in tests.
   *
   * @param natives the native build on the class path
   * @param libraries where the CUDA libraries are
   * @param listDevices lists the devices a session with the given options sees
   */
  public record Environment(
      NativeBuild natives,
      CudaLibraries libraries,
      Function<ConfigProto, List<DeviceInfo>> listDevices) {

    /** {@return this JVM's class path, library search path, and the real device listing} */
    public static Environment system() {
      return new Environment(NativeBuild.onClassPath(), CudaLibraries.system(), Devices::list);
    }
  }

  /** {@code auto}'s notice with the CPU natives (no GPU possible): one short line. */
  public static final String CPU_NATIVES =
      "training on the CPU (CPU natives; build with -Pgpu for CUDA)";

  private DeviceResolver() {}

  /**
   * {@link #resolve(DeviceChoice, boolean, ConfigProto, Environment)} on this system.
   *
   * @param choice cpu, gpu or auto
   * @param logPlacement sets {@code log_device_placement}
   * @param base options to extend
   * @return the device and its session options
   */
  public static ResolvedDevice resolve(DeviceChoice choice, boolean logPlacement, ConfigProto base) {
    return resolve(choice, logPlacement, base, Environment.system());
  }

  /**
   * Resolves a device choice: checks the natives and libraries, lists the devices, picks one.
   *
   * @param choice cpu, gpu or auto
   * @param logPlacement sets {@code log_device_placement}: TensorFlow logs each op's device (INFO
   *     level on stderr, hidden when {@code TF_CPP_MIN_LOG_LEVEL} &gt;= 1)
   * @param base options to extend, e.g. the thread counts of {@code SessionConfigs.DEFAULT}
   * @param env what to look at
   * @return the device and its session options
   * @throws DeviceUnavailableException for {@code gpu} without a usable GPU; the message names the
   *     missing pieces
   */
  public static ResolvedDevice resolve(
      DeviceChoice choice, boolean logPlacement, ConfigProto base, Environment env) {
    ConfigProto gpuConfig = config(base, logPlacement, false);
    ConfigProto cpuConfig = config(base, logPlacement, true);
    List<String> problems = problems(env);
    if (choice == DeviceChoice.GPU && !problems.isEmpty()) {
      throw new DeviceUnavailableException(
          "--device gpu: no usable GPU: "
              + String.join("; ", problems)
              + ". Searched LD_LIBRARY_PATH, the ldconfig cache and /usr/local/cuda/lib64;"
              + " see docs/gpu.md");
    }
    if (choice == DeviceChoice.CPU || !problems.isEmpty()) {
      List<DeviceInfo> devices = env.listDevices().apply(cpuConfig);
      // With the CPU natives the CUDA list is noise; --log-device-placement asks for the details.
      Optional<String> notice =
          choice != DeviceChoice.AUTO ? Optional.empty()
              : env.natives() == NativeBuild.CPU && !logPlacement ? Optional.of(CPU_NATIVES)
              : Optional.of(fallback(String.join("; ", problems)));
      return new ResolvedDevice(choice, env.natives(), devices, cpu(devices), cpuConfig, notice);
    }
    List<DeviceInfo> devices = env.listDevices().apply(gpuConfig);
    Optional<DeviceInfo> gpu = devices.stream().filter(d -> d.type().equals("GPU")).findFirst();
    if (gpu.isPresent()) {
      return new ResolvedDevice(
          choice, env.natives(), devices, gpu.get(), gpuConfig, Optional.empty());
    }
    String seen = devices.stream().map(DeviceInfo::shortName).collect(Collectors.joining(", "));
    String why =
        "TensorFlow sees no GPU (devices: "
            + seen
            + ") although the GPU natives and CUDA libraries were found; TensorFlow's stderr lines"
            + " above say why (e.g. cuInit failed: no card, or a driver older than CUDA 12.5)";
    if (choice == DeviceChoice.GPU) {
      throw new DeviceUnavailableException("--device gpu: no usable GPU: " + why);
    }
    List<DeviceInfo> cpuDevices = env.listDevices().apply(cpuConfig);
    return new ResolvedDevice(
        choice, env.natives(), cpuDevices, cpu(cpuDevices), cpuConfig,
        Optional.of(fallback(why)));
  }

  /**
   * The session options for a device: {@code base} plus GPU memory growth, {@code
   * log_device_placement}, and for the CPU {@code device_count {GPU: 0}}. Thread counts and all
   * other fields of {@code base} are kept, so CPU results are bit-identical to {@code base}'s.
   *
   * @param base options to extend
   * @param logPlacement sets {@code log_device_placement}
   * @param cpuOnly hide the GPUs
   * @return the options
   */
  public static ConfigProto config(ConfigProto base, boolean logPlacement, boolean cpuOnly) {
    ConfigProto.Builder b =
        base.toBuilder()
            .setLogDevicePlacement(logPlacement)
            .setGpuOptions(base.getGpuOptions().toBuilder().setAllowGrowth(true));
    if (cpuOnly) {
      b.putDeviceCount("GPU", 0);
    }
    return b.build();
  }

  /** What stops GPU use, found without loading TensorFlow; empty if nothing does. */
  static List<String> problems(Environment env) {
    List<String> problems = new ArrayList<>();
    if (env.natives() != NativeBuild.GPU) {
      problems.add(
          "GPU natives not on the class path (build with -Pgpu, which uses"
              + " org.tensorflow:tensorflow-core-native:1.1.0:linux-x86_64-gpu)");
    }
    List<CudaLibraries.Library> missing = env.libraries().missing();
    if (!missing.isEmpty()) {
      problems.add(
          "not found: "
              + missing.stream()
                  .map(l -> l.what() + " (" + l.soname() + ")")
                  .collect(Collectors.joining(", ")));
    }
    return problems;
  }

  private static String fallback(String why) {
    return "--device auto: no usable GPU (" + why + "); training on the CPU";
  }

  private static DeviceInfo cpu(List<DeviceInfo> devices) {
    return devices.stream()
        .filter(d -> d.type().equals("CPU"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("TensorFlow lists no CPU device: " + devices));
  }
}
