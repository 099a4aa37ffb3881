package io.github.tfjavaxor.device;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the CUDA libraries TensorFlow 2.18's GPU natives {@code dlopen} by soname at run time. The
 * GPU {@code .so} files have no {@code NEEDED} entry for CUDA, so a missing library only shows up
 * as log lines; looking first lets {@code --device gpu} fail at once with a clear message.
 *
 * <p>Searched, in order: the directories of {@code LD_LIBRARY_PATH}, the {@code ldconfig -p} cache,
 * then {@code /usr/local/cuda/lib64}, {@code /usr/lib/x86_64-linux-gnu}, {@code /usr/lib64}. This
 * mirrors where the dynamic loader looks (RUNPATH aside: it points into a pip layout that the
 * JavaCPP cache does not have).
 */
public final class CudaLibraries {

  /**
   * A library the GPU natives need, with what provides it.
   *
   * @param soname the name {@code dlopen} asks for, e.g. {@code libcudart.so.12}
   * @param what what provides it, e.g. {@code CUDA runtime}
   */
  public record Library(String soname, String what) {}

  /** CUDA 12 / cuDNN 9 sonames TensorFlow 2.18 loads, driver first. */
  public static final List<Library> REQUIRED =
      List.of(
          new Library("libcuda.so.1", "NVIDIA driver"),
          new Library("libcudart.so.12", "CUDA runtime"),
          new Library("libcublas.so.12", "cuBLAS"),
          new Library("libcublasLt.so.12", "cuBLASLt"),
          new Library("libcufft.so.11", "cuFFT"),
          new Library("libcusolver.so.11", "cuSOLVER"),
          new Library("libcusparse.so.12", "cuSPARSE"),
          new Library("libcudnn.so.9", "cuDNN"));

  private static final List<String> DEFAULT_DIRS =
      List.of("/usr/local/cuda/lib64", "/usr/lib/x86_64-linux-gnu", "/usr/lib64");

  private final Map<String, Path> found = new LinkedHashMap<>();
  private final List<Path> dirs;

  private CudaLibraries(List<Path> dirs, Map<String, Path> ldconfigCache) {
    this.dirs = dirs;
    for (Library lib : REQUIRED) {
      Path p = lookup(lib.soname(), dirs, ldconfigCache);
      if (p != null) {
        found.put(lib.soname(), p);
      }
    }
  }

  /**
   * Looks in this process's {@code LD_LIBRARY_PATH}, the ldconfig cache and the default dirs.
   *
   * @return the search over this system's paths
   */
  public static CudaLibraries system() {
    return in(System.getenv().getOrDefault("LD_LIBRARY_PATH", ""), ldconfigCache());
  }

  /**
   * Looks only where told; for tests and for checking a prospective {@code LD_LIBRARY_PATH}.
   *
   * @param ldLibraryPath colon-separated directories
   * @param ldconfigCache soname to path, as {@code ldconfig -p} lists them
   * @return the search over those places only
   */
  public static CudaLibraries in(String ldLibraryPath, Map<String, Path> ldconfigCache) {
    List<Path> dirs = new ArrayList<>();
    for (String d : ldLibraryPath.split(":")) {
      if (!d.isEmpty()) {
        dirs.add(Path.of(d));
      }
    }
    return new CudaLibraries(dirs, ldconfigCache);
  }

  /**
   * Where a library was found, if it was.
   *
   * @param soname e.g. {@code libcudnn.so.9}
   * @return where it was found, or empty
   */
  public Optional<Path> find(String soname) {
    return Optional.ofNullable(found.get(soname));
  }

  /** {@return the required libraries not found, in {@link #REQUIRED} order} */
  public List<Library> missing() {
    return REQUIRED.stream().filter(l -> !found.containsKey(l.soname())).toList();
  }

  /** The {@code LD_LIBRARY_PATH} directories searched. */
  List<Path> ldLibraryPathDirs() {
    return dirs;
  }

  private static Path lookup(String soname, List<Path> dirs, Map<String, Path> cache) {
    for (Path d : dirs) {
      if (Files.exists(d.resolve(soname))) {
        return d.resolve(soname);
      }
    }
    if (cache.containsKey(soname)) {
      return cache.get(soname);
    }
    for (String d : DEFAULT_DIRS) {
      Path p = Path.of(d, soname);
      if (Files.exists(p)) {
        return p;
      }
    }
    return null;
  }

  /** Parses {@code ldconfig -p}; empty if ldconfig is missing or fails. */
  static Map<String, Path> ldconfigCache() {
    Map<String, Path> cache = new LinkedHashMap<>();
    for (String exe : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig")) {
      if (exe.startsWith("/") && !Files.isExecutable(Path.of(exe))) {
        continue;
      }
      try {
        Process p = new ProcessBuilder(exe, "-p").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
          continue;
        }
        cache.putAll(parseLdconfig(out));
        return cache;
      } catch (IOException e) {
        // try the next location
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return cache;
      }
    }
    return cache;
  }

  /** {@code "\tlibcuda.so.1 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libcuda.so.1"} lines. */
  static Map<String, Path> parseLdconfig(String out) {
    Map<String, Path> cache = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      int arrow = line.indexOf(" => ");
      if (arrow < 0 || !line.contains("x86-64")) {
        continue;
      }
      String soname = line.trim().split("\\s+")[0];
      cache.putIfAbsent(soname, Path.of(line.substring(arrow + 4).trim()));
    }
    return cache;
  }
}
