package io.github.tfjavaxor.interop;

import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.layers.Dense;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;

/**
 * Keras 3 {@code .weights.h5} files: what {@code model.save_weights(...)} writes and {@code
 * model.load_weights(...)} reads, for a Sequential of Dense layers.
 *
 * <p>Layout (Keras 3 {@code keras/src/saving/saving_lib.py}): dataset {@code
 * layers/<key>/vars/0} is a layer's kernel, float32 [in, units], and {@code layers/<key>/vars/1}
 * its bias, float32 [units]. The key is not the layer's name but its class name in snake case made
 * unique by position ({@code dense}, {@code dense_1}, ...; {@code _get_unique_name}), so weights
 * load by position whatever the layers are called. Group {@code layers/<key>/vars} carries the
 * layer's name as attribute {@code name}. A compiled model's optimizer state is group {@code
 * optimizer/vars} ({@link KerasOptimizerVars}), written as Keras's {@code save_weights} writes it
 * and restored when the model is compiled with the same optimizer.
 *
 * <pre>{@code
 * KerasWeightsFile.load(Path.of("xor.weights.h5"), model);  // model built in Java, 2-16-1
 * KerasWeightsFile.save(Path.of("out.weights.h5"), model);  // keras: model.load_weights(...)
 * }</pre>
 */
public final class KerasWeightsFile {
  /** The first 8 bytes of an HDF5 file (superblock at offset 0, as h5py and jhdf write it). */
  private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  private KerasWeightsFile() {}

  /**
   * Loads a {@code .weights.h5} file into a model built in Java; mirrors {@code
   * model.load_weights(path)}. The whole file is checked before any weight is set. If the model
   * is compiled and the file holds its optimizer's built state, that state is restored too
   * (building the train step first); Keras 3.15 would skip it with a warning unless its optimizer
   * had been built by a fit, which loses Adam's moments, so the port does not. An unbuilt
   * optimizer's two variables are skipped, as Keras skips them.
   *
   * @param file a Keras 3 {@code .weights.h5} file
   * @param model a Sequential whose layers match the file's in number and shapes
   * @throws KerasFileException if the file is missing, not HDF5, truncated, or a dataset is
   *     missing or has another shape or dtype, or the optimizer variables do not fit the compiled
   *     optimizer (count, dtype, shape); the message names the dataset path
   */
  public static void load(Path file, Sequential model) throws IOException {
    String name = file.getFileName().toString();
    List<FloatNdArray> weights;
    List<NdArray<?>> optimizer = null;
    try (HdfFile h5 = open(file)) {
      weights = read(h5, name, model.weightShapes(), layerNames(model));
      if (model.isCompiled()) {
        optimizer = KerasOptimizerVars.read(h5, name, model);
      }
    }
    KerasOptimizerVars.restore(model, weights, optimizer);
  }

  /**
   * Writes the weights as a Keras 3 {@code .weights.h5} file that {@code model.load_weights}
   * accepts, through a temporary file in the same directory.
   *
   * @param file the target, conventionally ending in {@code .weights.h5}
   * @param model the model whose weights are written
   * @throws KerasFileException if the file name does not end in {@code .weights.h5} (Keras
   *     refuses other names) or the directory does not exist
   */
  public static void save(Path file, Sequential model) throws IOException {
    String name = file.getFileName().toString();
    if (!name.endsWith(".weights.h5")) {
      throw new KerasFileException(
          file + ": expected a file name ending in .weights.h5 (Keras requires it), found '"
              + name + "'");
    }
    List<FloatNdArray> weights = model.getWeights();
    List<String> names = layerNames(model);
    List<NdArray<?>> optimizer = KerasOptimizerVars.of(model);
    String optName = KerasOptimizerVars.name(model);
    AtomicDirectories.writeFile(file, tmp -> write(tmp, names, weights, optName, optimizer));
  }

  /** Keras's names of the model's layers, {@code dense}, {@code dense_1}, ... */
  static List<String> layerNames(Sequential model) {
    List<String> names = new ArrayList<>();
    for (Dense d : model.layers()) {
      names.add(d.name());
    }
    return names;
  }

  /** The group key Keras 3 gives the {@code i}-th Dense layer of a Sequential. */
  static String layerKey(int i) {
    return i == 0 ? "dense" : "dense_" + i;
  }

  /**
   * Opens an HDF5 file after checking it exists and starts with the HDF5 signature.
   *
   * @throws KerasFileException naming what was found instead
   */
  static HdfFile open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new KerasFileException(file + ": no such file");
    }
    byte[] head = new byte[HDF5_SIGNATURE.length];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    checkSignature(file.toString(), Arrays.copyOf(head, n));
    try {
      return new HdfFile(file);
    } catch (RuntimeException e) {
      throw corrupt(file.toString(), e);
    }
  }

  /** Opens HDF5 bytes, e.g. the {@code model.weights.h5} entry of a {@code .keras} zip. */
  static HdfFile open(String source, byte[] bytes) throws KerasFileException {
    checkSignature(source, Arrays.copyOf(bytes, Math.min(bytes.length, HDF5_SIGNATURE.length)));
    try {
      return HdfFile.fromBytes(bytes);
    } catch (RuntimeException e) {
      throw corrupt(source, e);
    }
  }

  private static void checkSignature(String source, byte[] head) throws KerasFileException {
    if (!Arrays.equals(head, HDF5_SIGNATURE)) {
      throw new KerasFileException(
          source + ": not an HDF5 file; expected the signature \\x89HDF\\r\\n\\x1a\\n, found "
              + (head.length == 0 ? "an empty file" : hex(head)));
    }
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      s.append(String.format("%02x", x & 0xff));
    }
    return s.toString();
  }

  static KerasFileException corrupt(String source, RuntimeException e) {
    return new KerasFileException(
        source + ": HDF5 file is truncated or corrupt (" + e.getClass().getSimpleName() + ": "
            + e.getMessage() + ")", e);
  }

  /**
   * Reads and checks every layer's kernel and bias.
   *
   * @param source the file name for messages
   * @param shapes the expected shapes, [kernel, bias] per layer
   * @param names the layers' names, for messages
   * @return the arrays in Keras order
   * @throws KerasFileException naming the first dataset that is missing or wrong, or an extra layer
   */
  static List<FloatNdArray> read(HdfFile h5, String source, List<Shape> shapes, List<String> names)
      throws KerasFileException {
    try {
      if (h5.getChildren().containsKey("model_weights") || h5.getAttribute("layer_names") != null) {
        throw new KerasFileException(
            source + ": this is a Keras 2 (legacy .h5) weights file; expected the Keras 3"
                + " .weights.h5 layout layers/<layer>/vars/<i>");
      }
      Node layersNode = h5.getChildren().get("layers");
      if (!(layersNode instanceof Group)) {
        throw new KerasFileException(
            source + ": group 'layers' is missing; expected a Keras 3 .weights.h5 file with"
                + " datasets layers/<layer>/vars/<i>, found top-level entries "
                + new TreeSet<>(h5.getChildren().keySet()));
      }
      Group layers = (Group) layersNode;
      int count = shapes.size() / 2;
      TreeSet<String> extra = new TreeSet<>(layers.getChildren().keySet());
      List<FloatNdArray> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String key = layerKey(i);
        extra.remove(key);
        out.add(dataset(layers, source, key, 0, shapes.get(2 * i), names.get(i) + "/kernel"));
        out.add(dataset(layers, source, key, 1, shapes.get(2 * i + 1), names.get(i) + "/bias"));
        Group vars = (Group) ((Group) layers.getChild(key)).getChild("vars");
        TreeSet<String> extraVars = new TreeSet<>(vars.getChildren().keySet());
        extraVars.removeAll(List.of("0", "1"));
        if (!extraVars.isEmpty()) {
          throw new KerasFileException(
              source + ": layers/" + key + "/vars has variables " + extraVars
                  + " beyond kernel (0) and bias (1); expected a Dense layer");
        }
      }
      if (!extra.isEmpty()) {
        throw new KerasFileException(
            source + ": the file has " + layers.getChildren().size() + " layers ("
                + new TreeSet<>(layers.getChildren().keySet()) + "), the model " + count
                + "; unexpected: layers/" + extra.first());
      }
      return out;
    } catch (RuntimeException e) {
      throw corrupt(source, e);
    }
  }

  private static FloatNdArray dataset(
      Group layers, String source, String key, int index, Shape expected, String what)
      throws KerasFileException {
    String path = "layers/" + key + "/vars/" + index;
    Node layer = layers.getChildren().get(key);
    Node vars = layer instanceof Group ? ((Group) layer).getChildren().get("vars") : null;
    Node node = vars instanceof Group ? ((Group) vars).getChildren().get(String.valueOf(index)) : null;
    return floats(node, path, source, expected, what);
  }

  /** A float32 dataset (null: missing) at {@code path} holding {@code what}, checked, as an array. */
  static FloatNdArray floats(Node node, String path, String source, Shape expected, String what)
      throws KerasFileException {
    if (!(node instanceof Dataset)) {
      throw new KerasFileException(
          source + ": dataset " + path + " (" + what + ") is missing; expected float32 "
              + dims(expected.asArray()));
    }
    Dataset d = (Dataset) node;
    long[] found = d.getDimensionsAsLong();
    if (d.getJavaType() != float.class || !Arrays.equals(found, expected.asArray())) {
      throw new KerasFileException(
          source + ": dataset " + path + " (" + what + "): expected float32 "
              + dims(expected.asArray()) + ", found " + typeName(d) + " " + dims(found));
    }
    Object data = d.getData();
    if (found.length == 1) {
      return StdArrays.ndCopyOf((float[]) data);
    }
    return StdArrays.ndCopyOf((float[][]) data);
  }

  // jhdf gives boxed types for scalar datasets.
  static String typeName(Dataset d) {
    Class<?> t = d.getJavaType();
    if (t == Float.class || t == Double.class || t == Long.class || t == Integer.class) {
      t = MethodType.methodType(t).unwrap().returnType();
    }
    if (t == float.class) {
      return "float32";
    }
    if (t == double.class) {
      return "float64";
    }
    if (t == long.class) {
      return "int64";
    }
    if (t == int.class) {
      return "int32";
    }
    return t.getSimpleName();
  }

  private static String dims(long[] d) {
    return Arrays.toString(d);
  }

  /**
   * Writes the Keras 3 layout into a new HDF5 file at {@code path}. Keras's empty top-level {@code
   * vars} group is left out: Keras does not need it to load, and jhdf 0.13.0 writes a file that
   * neither jhdf nor h5py can read once an empty group is added (checked with both readers).
   *
   * @param optimizer the optimizer variables, or null for an uncompiled model (no group)
   */
  static void write(Path path, List<String> names, List<FloatNdArray> weights, String optName,
      List<NdArray<?>> optimizer) {
    try (WritableHdfFile h5 = HdfFile.write(path)) {
      WritableGroup layers = h5.putGroup("layers");
      for (int i = 0; i < names.size(); i++) {
        WritableGroup vars = layers.putGroup(layerKey(i)).putGroup("vars");
        vars.putAttribute("name", names.get(i));
        vars.putDataset("0", StdArrays.array2dCopyOf(weights.get(2 * i)));
        vars.putDataset("1", StdArrays.array1dCopyOf(weights.get(2 * i + 1)));
      }
      if (optimizer != null) {
        KerasOptimizerVars.write(h5, optName, optimizer);
      }
    }
  }
}
