package io.github.tfjavaxor.keras.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Pins the workarounds for tensorflow-framework 1.1.0's optimizer defects (docs/development/framework-defects.md):
 * minimize() differentiates every variable in the graph, and Adam's beta-power update races ApplyAdam.
 */
class FrameworkOptimizerDefectsTest {

  @Test
  void ourMinimizeIgnoresVariablesUnreachableFromTheLoss() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> w = tf.withName("w").variable(tf.withInitScope().constant(2f));
      // A metric-like state variable the loss does not depend on.
      tf.withName("metric_total").variable(tf.withInitScope().constant(0f));
      Operand<TFloat32> loss = tf.math.mul(w, w);
      Op step = new SGD(0.1).minimize(tf, loss, List.of(w));
      try (Session s = new Session(g)) {
        s.run(step);
        try (Result r = s.runner().fetch(w).run()) {
          // w -= 0.1 * 2w  ->  2 - 0.4 = 1.6
          assertEquals(1.6f, ((TFloat32) r.get(0)).getFloat(), 1e-7);
        }
      }
    }
  }

  @Test
  void frameworkMinimizeFailsOnTheSameGraph() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> w = tf.withName("w").variable(tf.withInitScope().constant(2f));
      tf.withName("metric_total").variable(tf.withInitScope().constant(0f));
      Operand<TFloat32> loss = tf.math.mul(w, w);
      org.tensorflow.framework.optimizers.GradientDescent gd =
          new org.tensorflow.framework.optimizers.GradientDescent(g, 0.1f);
      // If this stops throwing, the framework fixed it; our explicit variable list is still right.
      assertThrows(TFInvalidArgumentException.class, () -> gd.minimize(loss));
    }
  }

  @Test
  void ourAdamFirstStepIsExactlyLearningRateInEveryFreshSession() {
    // Adam's first step moves each weight by lr * g/|g| (up to epsilon). A step that read beta^2
    // (the framework race) moves it by 0.744 * lr instead.
    for (int i = 0; i < 20; i++) {
      try (Graph g = new Graph()) {
        Ops tf = Ops.create(g);
        Variable<TFloat32> w = tf.withName("w").variable(tf.withInitScope().constant(new float[] {1f, -3f, 0.5f}));
        Operand<TFloat32> loss = tf.reduceSum(tf.math.mul(w, w), tf.constant(0));
        Op step = new Adam().minimize(tf, loss, List.of(w));
        try (Session s = new Session(g)) {
          s.run(step);
          try (Result r = s.runner().fetch(w).run()) {
            TFloat32 t = (TFloat32) r.get(0);
            assertEquals(1f - 0.001f, t.getFloat(0), 1e-6, "session " + i);
            assertEquals(-3f + 0.001f, t.getFloat(1), 1e-6, "session " + i);
            assertEquals(0.5f - 0.001f, t.getFloat(2), 1e-6, "session " + i);
          }
        }
      }
    }
  }
}
