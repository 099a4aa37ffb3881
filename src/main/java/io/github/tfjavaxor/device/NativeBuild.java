package io.github.tfjavaxor.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;

/**
 * Which TensorFlow native build this JVM uses: the CPU jar ({@code tensorflow-core-native:
 * 1.1.0:linux-x86_64}) or the CUDA one ({@code ...:linux-x86_64-gpu}, Maven profile {@code -Pgpu}).
 */
public enum NativeBuild {
  /** {@code tensorflow-core-native:linux-x86_64} and the other platforms' jars. */
  CPU,
  /** {@code tensorflow-core-native:linux-x86_64-gpu}: CUDA 12, cuDNN 9. */
  GPU;

  private static final String LIBRARY = "libtensorflow_cc.so.2";

  /**
   * The build JavaCPP will load, decided from the class path without loading anything. JavaCPP
   * tries the {@code -gpu} resource directory first unless {@code
   * -Dorg.bytedeco.javacpp.platform.extension} names another extension (empty = CPU).
   *
   * @return CPU or GPU
   */
  public static NativeBuild onClassPath() {
    String extension = System.getProperty("org.bytedeco.javacpp.platform.extension");
    if (extension != null && !extension.equals("-gpu")) {
      return CPU;
    }
    String resource =
        "org/tensorflow/internal/c_api/" + Loader.getPlatform() + "-gpu/" + LIBRARY;
    ClassLoader loader = NativeBuild.class.getClassLoader();
    return loader.getResource(resource) != null ? GPU : CPU;
  }

  /**
   * The path of the {@code libtensorflow_cc} this process has mapped, from {@code
   * /proc/self/maps}; empty before the natives are loaded or where /proc does not exist. The
   * JavaCPP cache path names the jar, so it ends in {@code -gpu/...} for the GPU build.
   *
   * @return the library's path, or empty
   */
  public static Optional<String> loadedLibrary() {
    try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
      return lines
          .filter(l -> l.endsWith(LIBRARY))
          .map(l -> l.substring(l.indexOf('/')))
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The build of a loaded library path: GPU if its directory is the {@code -gpu} platform. */
  static NativeBuild ofLibraryPath(String path) {
    return path.contains("-gpu/") ? GPU : CPU;
  }
}
