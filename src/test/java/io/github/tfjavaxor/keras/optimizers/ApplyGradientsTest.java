package io.github.tfjavaxor.keras.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** applyGradients: checked arguments, the names under the optimizer's scope, built once. */
class ApplyGradientsTest {

  @Test
  void namesItsStateAndTrainOpAndChecksItsArguments() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> w = tf.withName("w").variable(tf.withInitScope().constant(new float[] {1, 2}));
      Variable<TFloat32> b = tf.withName("b").variable(tf.withInitScope().constant(new float[] {3}));
      List<Output<TFloat32>> grads =
          KerasGradients.of(tf, tf.reduceSum(tf.math.mul(w, b), tf.constant(0)), List.of(w, b));
      Adam adam = new Adam();
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> adam.applyGradients(tf, grads.subList(0, 1), List.of(w, b)));
      assertEquals("adam: expected one gradient per variable (2), found 1", e.getMessage());
      assertEquals("adam/apply_gradients", adam.applyGradients(tf, grads, List.of(w, b)).op().name());
      // iteration, learning_rate, then both weights' slots packed into one vector per slot name.
      List<String> state = List.of("adam/iteration", "adam/learning_rate", "adam/momentum",
          "adam/velocity");
      for (String name : state) {
        assertEquals("VariableV2", g.operation(name).type(), name);
      }
      assertEquals(List.of(3L), List.of(g.operation("adam/momentum").output(0).shape().size()));
      assertEquals("gradients/Gradients", grads.get(0).op().name().replaceAll("/[^/]*$", ""));
      // The optimizer holds no graph state: a second graph gets its own variables.
      try (Graph other = new Graph()) {
        Ops o = Ops.create(other);
        Variable<TFloat32> v = o.withName("v").variable(o.withInitScope().constant(new float[] {1}));
        assertEquals("adam/apply_gradients",
            adam.minimize(o, o.reduceSum(v, o.constant(0)), List.of(v)).op().name());
      }
    }
  }
}
