package io.github.tfjavaxor.keras.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.tfjavaxor.device.CpuInfo;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * {@link FusedAdam} is a pure step written as TensorFlow's {@code ApplyAdam} kernel computes: on
 * the same gradients it gives the kernel's bits, step after step (and not Keras 3 Adam's).
 */
class FusedAdamKernelTest {
  static final int SIZE = 37; // not a multiple of the vector width: packets and a remainder
  static final int STEPS = 25;

  // Weights after each step, from fed gradients, by the kernel (true) or by FusedAdam (false).
  static float[][] run(boolean kernel, Optimizer pure) {
    SplittableRandom random = new SplittableRandom(3);
    float[] w0 = new float[SIZE];
    for (int i = 0; i < SIZE; i++) {
      w0[i] = (float) random.nextDouble(-1, 1);
    }
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> w = tf.withName("w").variable(tf.withInitScope().constant(w0));
      Placeholder<TFloat32> grad =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(SIZE)));
      Op step;
      if (kernel) {
        Ops init = tf.withInitScope();
        Operand<TFloat32> zeros = init.zeros(init.constant(new long[] {SIZE}), TFloat32.class);
        Variable<TFloat32> m = tf.variable(zeros);
        Variable<TFloat32> v = tf.variable(init.zeros(init.constant(new long[] {SIZE}),
            TFloat32.class));
        Variable<TFloat32> b1p = tf.variable(init.constant(0.9f));
        Variable<TFloat32> b2p = tf.variable(init.constant(0.999f));
        Op apply = tf.train.applyAdam(w, m, v, b1p, b2p, tf.constant(0.01f), tf.constant(0.9f),
            tf.constant(0.999f), tf.constant(1e-7f), grad);
        Ops after = tf.withControlDependencies(List.of(apply));
        step = tf.withControlDependencies(List.of(
            after.assign(b1p, after.math.mul(b1p, after.constant(0.9f))),
            after.assign(b2p, after.math.mul(b2p, after.constant(0.999f))))).noOp();
      } else {
        step = pure.applyGradients(tf, List.of(grad), List.of(w));
      }
      float[][] out = new float[STEPS][SIZE];
      try (Session s = new Session(g)) {
        for (int t = 0; t < STEPS; t++) {
          float[] gv = new float[SIZE];
          for (int i = 0; i < SIZE; i++) {
            gv[i] = (float) random.nextDouble(-2, 2);
          }
          try (TFloat32 gt = TFloat32.vectorOf(gv)) {
            s.runner().feed(grad, gt).addTarget(step).run().close();
          }
          try (Result r = s.runner().fetch(w).run()) {
            ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(out[t]);
          }
        }
      }
      return out;
    }
  }

  @Test
  void fusedAdamGivesTheApplyAdamKernelsBits() {
    float[][] kernel = run(true, null);
    float[][] pure = run(false, new FusedAdam(0.01));
    for (int t = 0; t < STEPS; t++) {
      assertArrayEquals(kernel[t], pure[t], "step " + (t + 1) + ": ApplyAdam kernel against"
          + " FusedAdam's pure step; " + CpuInfo.describe());
    }
    float[][] keras = run(false, new Adam(0.01));
    assertNotEquals(Arrays.toString(kernel[STEPS - 1]), Arrays.toString(keras[STEPS - 1]),
        "Keras 3 Adam rounds otherwise");
  }
}
