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
      assertEquals("adam/iteration", adam.iterations().op().name());
      assertEquals(List.of("adam/momentum", "adam/velocity"),
          adam.slots().stream().map(s -> s.op().name()).toList());
      assertEquals("gradients/Gradients", grads.get(0).op().name().replaceAll("/[^/]*$", ""));
      IllegalStateException twice = assertThrows(IllegalStateException.class,
          () -> adam.minimize(tf, tf.reduceSum(w, tf.constant(0)), List.of(w)));
      assertEquals("adam: minimize() already built for this optimizer", twice.getMessage());
    }
  }
}
