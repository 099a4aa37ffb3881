package io.github.tfjavaxor.keras.optimizers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Base of the Keras-3-faithful optimizers: gradients of a loss with respect to an explicit list of
 * variables, then one update per variable, then {@code iterations += 1}; mirrors {@code
 * keras.optimizers.Optimizer}.
 *
 * <p>Two defects of tensorflow-framework 1.1.0's {@code Optimizer} are avoided here (see {@code
 * docs/framework-defects.md}): {@code minimize()} differentiates every {@code VariableV2} in the
 * graph (and throws if one is unreachable from the loss), and nothing orders the variable updates
 * after the gradient ops that still read those variables. Here only the given variables are
 * differentiated, and every update waits for every gradient, so all gradients see the pre-update
 * weights, as in Keras. The gradients themselves come from {@link KerasGradients}: Python's
 * gradient functions for the Dense stack, because TF's C++ ones keep Grappler from fusing the train
 * step's forward pass as it fuses Keras's (docs/framework-defects.md §5).
 *
 * <p>Not thread-safe; build one optimizer per graph.
 */
public abstract class Optimizer {

  private final float learningRate;
  private final List<Variable<TFloat32>> slots = new ArrayList<>();
  private final List<String> slotKinds = new ArrayList<>();
  private Variable<TInt64> iterations;
  private Variable<TFloat32> learningRateVariable;
  private long[] packedSizes;

  /**
   * @param learningRate &gt; 0 and finite
   * @throws IllegalArgumentException if the learning rate is out of range
   */
  protected Optimizer(double learningRate) {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learning_rate: expected a finite number > 0, found " + learningRate);
    }
    // Keras stores the learning rate in a float32 variable.
    this.learningRate = (float) learningRate;
  }

  /** The Keras name ({@code adam}, {@code sgd}, {@code rmsprop}). */
  public abstract String kerasName();

  /** The learning rate given to the constructor, as Keras stores it, in float32. */
  public float learningRate() {
    return learningRate;
  }

  /**
   * Keras's {@code name} of an optimizer of this class: its class name in snake case ({@code
   * adam}, {@code sgd}, {@code rm_sprop}), the name of the group {@code optimizer/vars} in files.
   */
  public String kerasObjectName() {
    return kerasName();
  }

  /**
   * The slots Keras's {@code build} creates for each model variable, in creation order ({@code
   * [momentum, velocity]} for Adam); each has the variable's shape and float32. Keras interleaves
   * them per variable ({@code add_optimizer_variables} with a list of names), so its variables are
   * {@code iterations, learning_rate}, then for each model variable its slots in this order.
   */
  public List<String> slotNames() {
    return List.of();
  }

  /**
   * Builds one training step: {@link KerasGradients#of} then {@link #applyGradients}, as Keras's
   * {@code train_step} runs {@code tape.gradient} then {@code optimizer.apply}.
   *
   * @param tf the graph's ops
   * @param loss float32 scalar
   * @param vars the trainable variables, in model order
   * @return the op to run as the train target
   * @throws IllegalStateException if called twice on one optimizer
   */
  public final Op minimize(Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> vars) {
    checkNotBuilt();
    return applyGradients(tf, KerasGradients.of(tf, loss, vars), vars);
  }

  /**
   * Builds the update of {@code vars} from precomputed gradients, under the name scope {@link
   * #kerasName()} ({@code adam/}): the slots, every update after every gradient, then {@code
   * iteration += 1}. Mirrors Keras's {@code optimizer.apply(grads, trainable_variables)}.
   *
   * <p>Named for TensorBoard and {@code Session.Runner} fetches by name: {@code adam/iteration},
   * {@code adam/momentum} and {@code adam/velocity} (all variables' slots packed into one vector in
   * model order, for an element-wise optimizer), and the returned op {@code adam/apply_gradients}.
   *
   * @param tf the graph's ops
   * @param gradients float32, d loss / d var for each variable, same order and shapes as vars
   * @param vars the trainable variables
   * @return the op to run as the train target
   * @throws IllegalArgumentException if the lists differ in length
   * @throws IllegalStateException if called twice on one optimizer
   */
  public final Op applyGradients(
      Ops tf, List<? extends Operand<TFloat32>> gradients, List<Variable<TFloat32>> vars) {
    checkNotBuilt();
    if (gradients.size() != vars.size()) {
      throw new IllegalArgumentException(kerasName() + ": expected one gradient per variable ("
          + vars.size() + "), found " + gradients.size());
    }
    List<Operand<TFloat32>> grads = new ArrayList<>(gradients);
    List<Op> gradOps = new ArrayList<>(gradients);
    tf = tf.withSubScope(kerasName());
    iterations = tf.withName("iteration").variable(tf.withInitScope().constant(0L));
    // A variable, as in Keras: a loaded file's value is the one training uses.
    learningRateVariable =
        tf.withName("learning_rate").variable(tf.withInitScope().constant(learningRate));
    // Ref variables are read in place: an update must not run while a gradient still reads.
    Ops afterGradients = tf.withControlDependencies(gradOps);
    boolean packed = elementwise() && vars.size() > 1;
    List<Op> updates =
        packed
            ? packedUpdates(afterGradients, vars, grads)
            : perVariableUpdates(afterGradients, vars, grads);
    checkSlots(packed ? 1 : vars.size());
    Op finish = finish(tf.withControlDependencies(updates));
    if (finish != null) {
      updates.add(finish);
    }
    // The train op, by name adam/apply_gradients, as TF 1's optimizer named its own.
    return tf.withControlDependencies(updates)
        .withName("apply_gradients")
        .assignAdd(iterations, tf.constant(1L));
  }

  private void checkNotBuilt() {
    if (iterations != null) {
      throw new IllegalStateException(kerasName() + ": minimize() already built for this optimizer");
    }
  }

  private List<Op> perVariableUpdates(
      Ops tf, List<Variable<TFloat32>> vars, List<Operand<TFloat32>> grads) {
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      updates.add(update(tf, vars.get(i), grads.get(i)));
    }
    return updates;
  }

  // An element-wise update gives the same bits on one flat vector as variable by variable, with
  // about half the ops per step: concat the gradients, one update, split the deltas.
  private List<Op> packedUpdates(
      Ops tf, List<Variable<TFloat32>> vars, List<Operand<TFloat32>> grads) {
    List<Operand<TFloat32>> flat = new ArrayList<>();
    long[] sizes = new long[vars.size()];
    long total = 0;
    for (int i = 0; i < vars.size(); i++) {
      Operand<TFloat32> g = grads.get(i);
      flat.add(g.shape().numDimensions() == 1 ? g : tf.reshape(g, tf.constant(new long[] {-1})));
      sizes[i] = vars.get(i).shape().size();
      total += sizes[i];
    }
    packedSizes = sizes.clone();
    Operand<TFloat32> delta =
        delta(tf, tf.concat(flat, tf.constant(0)), "", Shape.of(total));
    List<Output<TFloat32>> parts =
        tf.splitV(delta, tf.constant(sizes), tf.constant(0), (long) vars.size()).output();
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      Variable<TFloat32> var = vars.get(i);
      Operand<TFloat32> part =
          var.shape().numDimensions() == 1
              ? parts.get(i)
              : tf.reshape(parts.get(i), tf.constant(var.shape().asArray()));
      updates.add(tf.assignSub(var, part));
    }
    return updates;
  }

  // The slots must be those slotNames() declares, in its order, for each variable (or once packed).
  private void checkSlots(int groups) {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < groups; i++) {
      expected.addAll(slotNames());
    }
    if (!expected.equals(slotKinds)) {
      throw new IllegalStateException(kerasName() + ": created slots " + slotKinds
          + ", slotNames() declares " + slotNames() + " per variable");
    }
  }

  /**
   * {@code iterations + 1} as float32, Keras's {@code local_step}.
   *
   * @return float32 scalar, 1 on the first step
   */
  protected final Operand<TFloat32> localStep(Ops tf) {
    return tf.dtypes.cast(tf.math.add(iterations, tf.constant(1L)), TFloat32.class);
  }

  /**
   * Builds the update of one variable: by default {@code var -= delta(grad)}.
   *
   * @param tf ops whose new operations wait for every gradient
   * @param var float32 variable of any shape
   * @param grad float32, same shape as {@code var}
   * @return the op that writes the new value
   */
  protected Op update(Ops tf, Variable<TFloat32> var, Operand<TFloat32> grad) {
    return tf.assignSub(var, delta(tf, grad, var.op().name(), var.shape()));
  }

  /**
   * The amount to subtract for a gradient, creating the optimizer state it needs ({@link
   * #zerosSlot}) shaped like the gradient. Element-wise optimizers implement this and return true
   * from {@link #elementwise()}; the base class may then call it once on all gradients
   * concatenated.
   *
   * @param grad float32 of {@code shape}
   * @param name prefix for slot names (a variable name, or "" when packed)
   * @return float32 of {@code shape}
   */
  protected Operand<TFloat32> delta(Ops tf, Operand<TFloat32> grad, String name, Shape shape) {
    throw new UnsupportedOperationException(kerasName() + " updates variables one by one");
  }

  /** True if the update of each element depends only on that element (Adam, SGD, RMSprop). */
  protected boolean elementwise() {
    return false;
  }

  /**
   * Optional work after every variable update of a step (e.g. advancing running beta powers).
   *
   * @param tf ops whose new operations wait for every update
   * @return an op to include in the step, or null
   */
  protected Op finish(Ops tf) {
    return null;
  }

  /**
   * Creates a zero-filled slot (optimizer state) in the optimizer's scope, named {@code
   * <name>_<slotName>} as Keras names optimizer variables ({@code adam/dense_kernel_momentum}, or
   * {@code adam/momentum} when packed).
   */
  protected final Variable<TFloat32> zerosSlot(Ops tf, String name, Shape shape, String slotName) {
    Variable<TFloat32> slot =
        tf.withControlDependencies(Collections.emptyList())
            .withName(name.isEmpty() ? slotName : name.replace('/', '_') + "_" + slotName)
            .variable(
                tf.withInitScope()
                    .zeros(tf.withInitScope().constant(shape.asArray()), TFloat32.class));
    slots.add(slot);
    slotKinds.add(slotName);
    return slot;
  }

  /**
   * The learning rate as the graph reads it: a float32 scalar variable (Keras's {@code
   * learning_rate} variable, {@code adam/learning_rate}), initialised to {@link #learningRate()}.
   */
  protected final Operand<TFloat32> learningRateOperand() {
    return learningRateVariable;
  }

  /**
   * The step counter, Keras's {@code iteration}: an int64 variable {@code adam/iteration} starting at
   * 0; null before {@link #minimize} or {@link #applyGradients}.
   */
  public Variable<TInt64> iterations() {
    return iterations;
  }

  /** The learning-rate variable, float32 []; null before {@link #minimize}. */
  public Variable<TFloat32> learningRateVariable() {
    return learningRateVariable;
  }

  /**
   * The slot variables created so far, in creation order: for each model variable its {@link
   * #slotNames()}, or, when {@link #packedSizes()} is not null, one flat vector per slot name
   * holding every model variable's slot, concatenated in model order.
   */
  public List<Variable<TFloat32>> slots() {
    return Collections.unmodifiableList(slots);
  }

  /**
   * The model variables' element counts when the slots are packed into flat vectors, else null
   * (one slot variable per model variable, or before {@link #minimize}).
   */
  public long[] packedSizes() {
    return packedSizes == null ? null : packedSizes.clone();
  }

  /** Float32 rounding of the double {@code 1 - beta}, as Keras 3 computes it in Python. */
  protected static float oneMinus(double beta) {
    return (float) (1.0 - beta);
  }

  /**
   * An optimizer by Keras name with Keras 3's defaults.
   *
   * @param name {@code adam}, {@code sgd} or {@code rmsprop}
   * @throws IllegalArgumentException if the name is unknown
   */
  public static Optimizer get(String name) {
    return get(name, Double.NaN);
  }

  /**
   * An optimizer by Keras name with a given learning rate (NaN for the optimizer's default).
   *
   * @throws IllegalArgumentException if the name is unknown or the learning rate is out of range
   */
  public static Optimizer get(String name, double learningRate) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    boolean dflt = Double.isNaN(learningRate);
    switch (key) {
      case "adam":
        return new Adam(dflt ? Adam.LEARNING_RATE_DEFAULT : learningRate);
      case "sgd":
        return new SGD(dflt ? SGD.LEARNING_RATE_DEFAULT : learningRate);
      case "rmsprop":
        return new RMSprop(dflt ? RMSprop.LEARNING_RATE_DEFAULT : learningRate);
      default:
        throw new IllegalArgumentException(
            "optimizer: unknown name '" + name + "'; expected one of " + names());
    }
  }

  /** All supported Keras names, comma-separated. */
  public static String names() {
    return "adam, sgd, rmsprop";
  }
}
