package io.github.tfjavaxor.interop;

import io.github.tfjavaxor.keras.trainers.CompileConfig;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a Keras file describes, read and checked without native code, so a command can check its
 * flags and data against the file before TensorFlow loads ({@link KerasModelFile#load} then reads
 * the weights).
 *
 * @param inputDim features per sample
 * @param outputDim the last Dense layer's units
 * @param compiled whether the file has a {@code compile_config}
 * @param metrics the names the compiled metrics are logged under, empty if not compiled or if
 *     the {@code compile_config} cannot be used
 * @param compileError why the file's {@code compile_config} cannot be used (a loss or metric the
 *     port lacks), or null; predict and summary load such a file uncompiled
 * @param evaluation the loss and metrics {@code evaluate} compiles the loaded model with (Adam in
 *     place of an optimizer the port lacks), or null if they cannot be used
 * @param iterations the optimizer's step counter ({@code optimizer/vars/0} in {@code
 *     model.weights.h5}, int64, Keras 3's {@code optimizer.iterations}), empty if the file has no
 *     optimizer variables
 */
public record KerasModelInfo(int inputDim, int outputDim, boolean compiled,
    List<String> metrics, OptionalLong iterations, KerasFileException compileError,
    CompileConfig evaluation) {

  private static final String ITERATIONS = "optimizer/vars/0";

  /**
   * Reads a {@code .keras} file's config and optimizer counter, checking every zip entry's CRC; or
   * a legacy {@code .h5} model file's ({@link KerasH5File}).
   *
   * @param file a {@code .keras} or legacy {@code .h5} model file
   * @return its sizes, compile settings and optimizer counter
   * @throws KerasFileException as {@link KerasModelFile#load} for the zip and the config
   */
  public static KerasModelInfo read(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (KerasH5File.isModelFile(name)) {
      try (HdfFile h5 = KerasWeightsFile.open(file)) {
        KerasConfig.Spec spec = KerasH5File.spec(h5, name);
        long n = KerasH5File.iterations(h5);
        return of(spec, n < 0 ? OptionalLong.empty() : OptionalLong.of(n));
      } catch (RuntimeException e) {
        throw KerasWeightsFile.corrupt(name, e);
      }
    }
    var entries = KerasZip.read(file, List.of("metadata.json", "config.json", "model.weights.h5"));
    KerasConfig.Spec spec = KerasConfig.parse(name + "!config.json", entries.get("config.json"));
    String h5name = name + "!model.weights.h5";
    OptionalLong iterations;
    try (HdfFile h5 = KerasWeightsFile.open(h5name, entries.get("model.weights.h5"))) {
      iterations = iterations(h5, h5name);
    }
    return of(spec, iterations);
  }

  private static KerasModelInfo of(KerasConfig.Spec spec, OptionalLong iterations) {
    List<String> metrics = spec.compile() == null ? List.of() : spec.compile().loggedNames();
    return new KerasModelInfo(spec.inputDim(), spec.layers().get(spec.layers().size() - 1).units(),
        spec.compiled(), metrics, iterations, spec.compileError(), spec.evaluation());
  }

  /**
   * The optimizer's step counter in a {@code .weights.h5} file, empty if it has none.
   *
   * @param weightsFile a Keras 3 {@code .weights.h5} file
   * @return the optimizer's {@code iterations}, or empty
   * @throws KerasFileException if the file is not HDF5 or the counter is not an int64 scalar
   */
  public static OptionalLong iterations(Path weightsFile) throws IOException {
    try (HdfFile h5 = KerasWeightsFile.open(weightsFile)) {
      return iterations(h5, weightsFile.getFileName().toString());
    }
  }

  private static OptionalLong iterations(HdfFile h5, String source) throws KerasFileException {
    try {
      Node optimizer = h5.getChildren().get("optimizer");
      if (optimizer == null) {
        return OptionalLong.empty();
      }
      Node vars = ((io.jhdf.api.Group) optimizer).getChildren().get("vars");
      Node counter = vars instanceof io.jhdf.api.Group g ? g.getChildren().get("0") : null;
      if (counter == null) {
        return OptionalLong.empty();
      }
      if (!(counter instanceof Dataset d) || (d.getJavaType() != long.class && d.getJavaType() != Long.class) || !d.isScalar()) {
        throw new KerasFileException(source + ": dataset " + ITERATIONS + " (the optimizer's"
            + " iterations): expected an int64 scalar, found " + describe(counter));
      }
      long n = ((Number) d.getData()).longValue();
      if (n < 0) {
        throw new KerasFileException(source + ": dataset " + ITERATIONS + " (the optimizer's"
            + " iterations): expected a count >= 0, found " + n);
      }
      return OptionalLong.of(n);
    } catch (ClassCastException | IllegalArgumentException | IllegalStateException e) {
      throw KerasWeightsFile.corrupt(source, e);
    } catch (io.jhdf.exceptions.HdfException e) {
      throw KerasWeightsFile.corrupt(source, e);
    }
  }

  private static String describe(Node n) {
    if (n instanceof Dataset d) {
      return d.getJavaType().getSimpleName() + " " + java.util.Arrays.toString(d.getDimensions());
    }
    return "a group";
  }
}
