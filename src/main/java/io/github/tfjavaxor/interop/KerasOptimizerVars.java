package io.github.tfjavaxor.interop;

import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.optimizers.OptimizerVariable;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.LongNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.StdArrays;

/**
 * The group {@code optimizer/vars} of a Keras 3 {@code model.weights.h5} / {@code .weights.h5}:
 * dataset {@code <i>} is {@code optimizer.variables[i]} ({@code save_own_variables} in {@code
 * keras/src/optimizers/base_optimizer.py}): {@code 0} iteration int64 [], {@code 1}
 * learning_rate float32 [], then each model variable's slots ({@link OptimizerVariable#keras}). The
 * group's attribute {@code name} is the optimizer's name ({@code adam}, {@code sgd}, {@code
 * rm_sprop}).
 *
 * <p>Keras writes only {@code 0} and {@code 1} for an optimizer that was never built (compiled,
 * never trained). Its {@code load_model} builds the optimizer and then skips such a store with the
 * warning "Skipping variable loading for optimizer"; the port skips it too (the state is zero
 * anyway). Any other count that is not the built layout's is an error here, where Keras only warns.
 */
final class KerasOptimizerVars {
  static final String GROUP = "optimizer";

  private KerasOptimizerVars() {}

  /** The values a compiled model writes, or null if it is not compiled. */
  static List<NdArray<?>> of(Sequential model) {
    return model.isCompiled() ? model.getOptimizerVariables() : null;
  }

  /** Keras's name of the compiled optimizer ({@code adam}, ...), or null if not compiled. */
  static String name(Sequential model) {
    return model.isCompiled() ? model.optimizer().kerasObjectName() : null;
  }

  /** The optimizer state in the file for the compiled model, or null if there is none to load. */
  static List<NdArray<?>> read(HdfFile h5, String source, Sequential model)
      throws KerasFileException {
    try {
      return read(h5, source, model.optimizer().kerasName(),
          model.optimizerLayout(true));
    } catch (RuntimeException e) {
      throw KerasWeightsFile.corrupt(source, e);
    }
  }

  /**
   * Sets checked weights, then the optimizer state if any; the train step is built before either,
   * as Keras builds the optimizer before it loads.
   */
  static void restore(Sequential model, List<FloatNdArray> weights, List<NdArray<?>> optimizer) {
    if (optimizer != null) {
      model.makeTrainFunction();
    }
    model.setWeights(weights);
    if (optimizer != null) {
      model.setOptimizerVariables(optimizer);
    }
  }

  /** Writes {@code optimizer/vars/<i>} with attribute {@code name}. */
  static void write(WritableGroup root, String name, List<NdArray<?>> values) {
    WritableGroup vars = root.putGroup(GROUP).putGroup("vars");
    vars.putAttribute("name", name);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      keys.add(String.valueOf(i));
    }
    putValues(vars, keys, values);
  }

  /** Writes each value as a dataset named by {@code keys}: int64 or float32, rank 0 to 2. */
  static void putValues(WritableGroup vars, List<String> keys, List<NdArray<?>> values) {
    for (int i = 0; i < values.size(); i++) {
      NdArray<?> v = values.get(i);
      String key = keys.get(i);
      if (v instanceof LongNdArray) {
        vars.putDataset(key, ((LongNdArray) v).getLong());
      } else if (v.rank() == 0) {
        vars.putDataset(key, ((FloatNdArray) v).getFloat());
      } else if (v.rank() == 1) {
        vars.putDataset(key, StdArrays.array1dCopyOf((FloatNdArray) v));
      } else {
        vars.putDataset(key, StdArrays.array2dCopyOf((FloatNdArray) v));
      }
    }
  }

  /**
   * Reads and checks {@code optimizer/vars} against the compiled optimizer's built layout, before
   * any native work.
   *
   * @param optimizer the compiled optimizer's Keras name, for messages
   * @return the values to restore, or null if the file has no optimizer state or only an unbuilt
   *     optimizer's two variables (nothing to restore)
   * @throws KerasFileException naming the file and the dataset path of the first mismatch
   */
  static List<NdArray<?>> read(Group h5, String source, String optimizer,
      List<OptimizerVariable> layout) throws KerasFileException {
    Node opt = h5.getChildren().get(GROUP);
    if (opt == null) {
      return null;
    }
    Node varsNode = opt instanceof Group ? ((Group) opt).getChildren().get("vars") : null;
    if (!(varsNode instanceof Group)) {
      throw new KerasFileException(source + ": " + GROUP + "/vars: expected a group of datasets"
          + " 0..N-1 (Keras's optimizer variables), found " + (varsNode == null ? "none" : "a dataset"));
    }
    Group vars = (Group) varsNode;
    int found = vars.getChildren().size();
    TreeSet<String> expectedKeys = new TreeSet<>();
    for (int i = 0; i < found; i++) {
      expectedKeys.add(String.valueOf(i));
    }
    if (!expectedKeys.equals(new TreeSet<>(vars.getChildren().keySet()))) {
      throw new KerasFileException(source + ": " + GROUP + "/vars: expected datasets named 0.."
          + (found - 1) + ", found " + new TreeSet<>(vars.getChildren().keySet()));
    }
    boolean unbuilt = found == OptimizerVariable.UNBUILT_COUNT;
    if (!unbuilt && found != layout.size()) {
      throw new KerasFileException(source + ": " + GROUP + "/vars has " + found + " variables;"
          + " the compiled " + optimizer + " on this model has " + layout.size() + " ("
          + describe(layout) + ")" + (found < layout.size() ? "; a layer with trainable=False"
          + " has no optimizer slots, and the port trains every layer" : ""));
    }
    List<NdArray<?>> out = new ArrayList<>();
    for (int i = 0; i < found; i++) {
      out.add(dataset(vars, source, i, layout.get(i)));
    }
    return unbuilt ? null : out;
  }

  private static String describe(List<OptimizerVariable> layout) {
    List<String> names = new ArrayList<>();
    layout.forEach(v -> names.add(v.name()));
    return String.join(", ", names);
  }

  private static NdArray<?> dataset(Group vars, String source, int i, OptimizerVariable v)
      throws KerasFileException {
    return value(vars.getChild(String.valueOf(i)), GROUP + "/vars/" + i, source, v);
  }

  /**
   * One optimizer variable's value from a dataset, checked against the layout's dtype and shape.
   *
   * @param path the dataset's path in the file, for messages
   */
  static NdArray<?> value(Node node, String path, String source, OptimizerVariable v)
      throws KerasFileException {
    String expected = v.dtype() + " " + Arrays.toString(v.shape().asArray());
    if (!(node instanceof Dataset)) {
      throw new KerasFileException(source + ": " + path + " (" + v.name() + "): expected a dataset "
          + expected + ", found a group");
    }
    Dataset d = (Dataset) node;
    long[] dims = d.isScalar() ? new long[0] : d.getDimensionsAsLong();
    boolean int64 = OptimizerVariable.INT64.equals(v.dtype());
    if (!KerasWeightsFile.typeName(d).equals(v.dtype())
        || !Arrays.equals(dims, v.shape().asArray())) {
      throw new KerasFileException(source + ": dataset " + path + " (" + v.name() + "): expected "
          + expected + ", found " + KerasWeightsFile.typeName(d) + " " + Arrays.toString(dims));
    }
    Object data = d.getData();
    if (int64) {
      return NdArrays.scalarOf(((Number) data).longValue());
    }
    switch (dims.length) {
      case 0:
        return NdArrays.scalarOf(((Number) data).floatValue());
      case 1:
        return StdArrays.ndCopyOf((float[]) data);
      default:
        return StdArrays.ndCopyOf((float[][]) data);
    }
  }
}
