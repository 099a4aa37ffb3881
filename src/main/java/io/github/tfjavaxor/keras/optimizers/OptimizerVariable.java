package io.github.tfjavaxor.keras.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ndarray.Shape;

/**
 * One of the variables Keras 3 keeps for a built optimizer ({@code optimizer.variables}, saved as
 * dataset {@code optimizer/vars/<i>} of {@code model.weights.h5} by {@code save_own_variables} in
 * {@code keras/src/optimizers/base_optimizer.py}).
 *
 * @param name Keras's variable name without the optimizer prefix, e.g. {@code iteration}, {@code
 *     learning_rate}, {@code dense_kernel_momentum}
 * @param shape its shape: [] for the counter and the learning rate, else the model variable's
 * @param dtype {@link #INT64} for the counter, else {@link #FLOAT32}
 */
public record OptimizerVariable(String name, Shape shape, String dtype) {
  /** The counter's dtype. */
  public static final String INT64 = "int64";
  /** Every other variable's dtype. */
  public static final String FLOAT32 = "float32";
  /** Variables before the slots: {@code iteration} and {@code learning_rate}. */
  public static final int UNBUILT_COUNT = 2;

  /**
   * The variables of {@code optimizer} once built, in Keras's order, known without building
   * anything: {@code iteration} int64 [], {@code learning_rate} float32 [], then for each model
   * variable its {@link Optimizer#slotNames()} (Keras's {@code add_optimizer_variables}
   * interleaves them per variable). An optimizer that is not built has only the first two.
   *
   * @param optimizer the compiled optimizer
   * @param paths the model variables' paths in model order, e.g. {@code dense/kernel}
   * @param shapes their shapes
   * @return the built layout; its first {@link #UNBUILT_COUNT} entries are the unbuilt one
   */
  public static List<OptimizerVariable> keras(Optimizer optimizer, List<String> paths,
      List<Shape> shapes) {
    List<OptimizerVariable> out = new ArrayList<>();
    out.add(new OptimizerVariable("iteration", Shape.scalar(), INT64));
    out.add(new OptimizerVariable("learning_rate", Shape.scalar(), FLOAT32));
    for (int i = 0; i < paths.size(); i++) {
      for (String slot : optimizer.slotNames()) {
        out.add(new OptimizerVariable(paths.get(i).replace('/', '_') + "_" + slot, shapes.get(i),
            FLOAT32));
      }
    }
    return out;
  }

  /** {@return the bytes per element: 8 for int64, 4 for float32} */
  public int itemSize() {
    return INT64.equals(dtype) ? 8 : 4;
  }
}
