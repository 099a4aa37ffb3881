package io.github.tfjavaxor.stacked;

import io.github.tfjavaxor.keras.optimizers.Adam;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.optimizers.RMSprop;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The Keras 3 update steps of {@code keras/optimizers} ({@link Adam}, SGD, {@link RMSprop}, same
 * formulas and float32 roundings) on stacked variables [S, ...], with a learning rate per model:
 * every gradient is reshaped to [S, -1] and concatenated into one [S, P] matrix, the element-wise
 * update runs once with the rates as an [S, 1] column, and the deltas are split back. As in {@link
 * Optimizer#minimize}, every update waits for every gradient and {@code iterations += 1} comes last.
 */
final class StackedUpdate {
  private StackedUpdate() {}

  /** Model i's learning rate as Keras stores it: float32 of the given one or the default. */
  static float learningRate(ModelSpec s) {
    return Optimizer.get(s.optimizer(), s.learningRate() == null ? Double.NaN : s.learningRate())
        .learningRate();
  }

  /** The train op: every variable's update, then the step counter's. */
  static Op minimize(Ops tf, String optimizer, float[] lrs, List<Variable<TFloat32>> vars,
      List<Output<TFloat32>> grads) {
    int s = lrs.length;
    Variable<TInt64> iterations = tf.withName("iterations").variable(tf.withInitScope().constant(0L));
    Ops after = tf.withControlDependencies(new ArrayList<>(grads));
    List<Operand<TFloat32>> flat = new ArrayList<>();
    long[] sizes = new long[vars.size()];
    long total = 0;
    for (int i = 0; i < vars.size(); i++) {
      flat.add(after.reshape(grads.get(i), after.constant(new long[] {s, -1})));
      sizes[i] = vars.get(i).shape().size() / s;
      total += sizes[i];
    }
    Operand<TFloat32> g = after.concat(flat, after.constant(1));
    Operand<TFloat32> lr = after.constant(new float[][] {lrs}); // [1, S]
    lr = after.reshape(lr, after.constant(new long[] {s, 1}));
    Operand<TFloat32> delta;
    String key = optimizer.trim().toLowerCase(Locale.ROOT);
    switch (key) {
      case "adam":
        delta = adam(after, g, lr, iterations, s, total);
        break;
      case "sgd":
        delta = after.math.mul(g, lr);
        break;
      case "rmsprop":
        delta = rmsprop(after, g, lr, s, total);
        break;
      default:
        throw new IllegalArgumentException("optimizer: unknown name '" + optimizer + "'; expected one of "
            + Optimizer.names());
    }
    List<Output<TFloat32>> parts =
        after.splitV(delta, after.constant(sizes), after.constant(1), (long) vars.size()).output();
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      Variable<TFloat32> v = vars.get(i);
      updates.add(after.assignSub(v, after.reshape(parts.get(i), after.constant(v.shape().asArray()))));
    }
    return tf.withControlDependencies(updates).assignAdd(iterations, tf.constant(1L));
  }

  private static Variable<TFloat32> zeros(Ops tf, String name, int s, long total) {
    return tf.withControlDependencies(List.of()).withName(name).variable(
        tf.withInitScope().zeros(tf.withInitScope().constant(new long[] {s, total}), TFloat32.class));
  }

  // Adam.delta: alpha = lr sqrt(1 - b2^t) / (1 - b1^t); m += (g - m)(1 - b1); v += (g² - v)(1 - b2).
  private static Operand<TFloat32> adam(Ops tf, Operand<TFloat32> g, Operand<TFloat32> lr,
      Variable<TInt64> iterations, int s, long total) {
    Operand<TFloat32> t = tf.dtypes.cast(tf.math.add(iterations, tf.constant(1L)), TFloat32.class);
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> b1p = tf.math.pow(tf.constant((float) Adam.BETA_ONE_DEFAULT), t);
    Operand<TFloat32> b2p = tf.math.pow(tf.constant((float) Adam.BETA_TWO_DEFAULT), t);
    Operand<TFloat32> alpha = tf.math.div(tf.math.mul(lr, tf.math.sqrt(tf.math.sub(one, b2p))),
        tf.math.sub(one, b1p));
    Variable<TFloat32> m = zeros(tf, "adam_momentum", s, total);
    Variable<TFloat32> v = zeros(tf, "adam_velocity", s, total);
    // Keras's 1 - beta, computed in double and then stored as float32 (Optimizer.oneMinus).
    Operand<TFloat32> mNew = tf.assignAdd(m,
        tf.math.mul(tf.math.sub(g, m), tf.constant((float) (1.0 - Adam.BETA_ONE_DEFAULT))));
    Operand<TFloat32> vNew = tf.assignAdd(v, tf.math.mul(tf.math.sub(tf.math.square(g), v),
        tf.constant((float) (1.0 - Adam.BETA_TWO_DEFAULT))));
    return tf.math.div(tf.math.mul(mNew, alpha),
        tf.math.add(tf.math.sqrt(vNew), tf.constant((float) Adam.EPSILON_DEFAULT)));
  }

  // RMSprop.delta: v = rho v + (1 - rho) g²; delta = lr g / sqrt(v + eps).
  private static Operand<TFloat32> rmsprop(Ops tf, Operand<TFloat32> g, Operand<TFloat32> lr,
      int s, long total) {
    Variable<TFloat32> v = zeros(tf, "rmsprop_velocity", s, total);
    Operand<TFloat32> vNew = tf.assign(v, tf.math.add(
        tf.math.mul(tf.constant((float) RMSprop.RHO_DEFAULT), v),
        tf.math.mul(tf.constant((float) (1.0 - RMSprop.RHO_DEFAULT)), tf.math.square(g))));
    return tf.math.div(tf.math.mul(lr, g),
        tf.math.sqrt(tf.math.add(vNew, tf.constant((float) RMSprop.EPSILON_DEFAULT))));
  }
}
