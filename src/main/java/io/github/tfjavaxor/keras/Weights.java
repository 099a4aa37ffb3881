package io.github.tfjavaxor.keras;

import io.github.tfjavaxor.keras.layers.Dense;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;

/** The shapes of a layer stack's weights and the checks of {@code set_weights}, in Java only. */
final class Weights {
  private Weights() {}

  /** {@code [kernel [in, units], bias [units]]} per layer, in Keras's order. */
  static List<Shape> shapes(List<Dense> layers) {
    List<Shape> shapes = new ArrayList<>();
    for (Dense d : layers) {
      shapes.add(Shape.of(d.inputDim(), d.units()));
      shapes.add(Shape.of(d.units()));
    }
    return shapes;
  }

  /** Count, shapes and finiteness of {@code values}, naming the first bad one. */
  static void check(Sequential model, List<FloatNdArray> values) {
    List<Shape> shapes = model.weightShapes();
    if (values == null || values.size() != shapes.size()) {
      throw new IllegalArgumentException("weights: expected " + shapes.size()
          + " arrays (kernel and bias per layer), found "
          + (values == null ? "null" : values.size()));
    }
    for (int i = 0; i < shapes.size(); i++) {
      FloatNdArray v = values.get(i);
      String name = "weights[" + i + "] (" + model.weightName(i) + ")";
      if (v == null || !v.shape().equals(shapes.get(i))) {
        throw new IllegalArgumentException(name + ": expected shape " + shapes.get(i)
            + ", found " + (v == null ? "null" : v.shape()));
      }
      v.scalars().forEachIndexed((idx, s) -> {
        if (!Float.isFinite(s.getFloat())) {
          throw new IllegalArgumentException(name + " at " + Arrays.toString(idx)
              + ": expected a finite number, found " + s.getFloat());
        }
      });
    }
  }
}
