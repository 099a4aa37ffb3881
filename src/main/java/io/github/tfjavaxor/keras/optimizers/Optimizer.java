package io.github.tfjavaxor.keras.optimizers;

import io.github.tfjavaxor.keras.backend.InPlace;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Base of the Keras-3-faithful optimizers, written as pure functions of their state like Keras's
 * {@code optimizer.stateless_apply} (and optax's {@code update}): {@link #statelessApply} maps
 * (optimizer variables, gradients, weights) to (new weights, new optimizer variables). The
 * variables themselves live in the model's graph ({@link #variables}); this object holds only the
 * configuration, so one step can be traced into any loop, under XLA or stacked.
 *
 * <p>State, in the graph's layout: {@code iteration} int64 [], {@code learning_rate} float32 [],
 * then the slots ({@link #slotNames()}): one flat vector per slot name holding every weight's slot
 * in model order when the update is element-wise ({@link #elementwise()}; the same bits with about
 * half the ops per step), else one per weight. {@code OptimizerState} converts to and from Keras's
 * per-weight layout for files.
 *
 * <p>Why not tensorflow-framework's optimizers: see {@code docs/development/framework-defects.md} §2-§3. The
 * gradients come from {@link KerasGradients} (§5).
 */
public abstract class Optimizer {

  private final float learningRate;
  private boolean built;

  /**
   * @param learningRate &gt; 0 and finite
   * @throws IllegalArgumentException if the learning rate is out of range
   */
  Optimizer(double learningRate) {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learning_rate: expected a finite number > 0, found " + learningRate);
    }
    // Keras stores the learning rate in a float32 variable.
    this.learningRate = (float) learningRate;
  }

  /** {@return the Keras name ({@code adam}, {@code sgd}, {@code rmsprop})} */
  public abstract String kerasName();

  /** {@return the learning rate given to the constructor, as Keras stores it, in float32} */
  public float learningRate() {
    return learningRate;
  }

  /**
   * {@return Keras's {@code name} of an optimizer of this class: its class name in snake case
   * ({@code adam}, {@code sgd}, {@code rm_sprop}), the name of the group {@code optimizer/vars}}
   */
  public String kerasObjectName() {
    return kerasName();
  }

  /**
   * {@return the slots Keras's {@code build} creates for each model variable, in creation order
   * ({@code [momentum, velocity]} for Adam); each has the variable's shape and float32}
   */
  public List<String> slotNames() {
    return List.of();
  }

  /** True if each element's update depends only on that element: the slots are then packed. */
  abstract boolean elementwise();

  /**
   * The per-step scalars every weight's update shares, built once per step: {@code [lr]} by
   * default, Adam's {@code [alpha]}.
   *
   * @param tf ops in the optimizer's scope
   * @param learningRate float32 [], the {@code learning_rate} variable's value
   * @param localStep float32 [], {@code iteration + 1}, Keras's {@code local_step}
   * @param extra the values of {@link #extraVariables()}
   */
  List<Operand<TFloat32>> coefficients(Ops tf, Operand<TFloat32> learningRate,
      Operand<TFloat32> localStep, List<Operand<TFloat32>> extra) {
    return List.of(learningRate);
  }

  /**
   * One update: the amount to subtract from the weights and the slots' new values.
   *
   * @param grad float32 of the weights' (or the packed vector's) shape
   * @param slots the slots' values, in {@link #slotNames()} order, shaped like grad
   * @param coefficients {@link #coefficients}'s values
   */
  abstract Update update(Ops tf, Operand<TFloat32> grad, List<Operand<TFloat32>> slots,
      List<Operand<TFloat32>> coefficients);

  /** What {@link #update} returns: {@code weight -= delta}, and each slot's new value. */
  record Update(Operand<TFloat32> delta, List<Operand<TFloat32>> slots) {}

  /** State beyond Keras's (FusedAdam's beta powers), after the slots; none by default. */
  List<StateVariable> extraVariables() {
    return List.of();
  }

  /** The extra state's values after a step; unchanged by default. */
  List<Operand<TFloat32>> nextExtra(Ops tf, List<Operand<TFloat32>> extra) {
    return extra;
  }

  /**
   * {@return true if the slots of these many weights are packed into one vector per slot name}
   *
   * @param weights the model's trainable weights
   */
  public final boolean packs(int weights) {
    return elementwise() && weights > 1;
  }

  /**
   * The state variables for weights of these paths and shapes, in the graph's layout (see the
   * class comment; {@link StateVariable#layout}); what a model creates under {@code adam/}.
   *
   * @param paths the weights' paths in model order, e.g. {@code dense/kernel}
   * @param shapes their shapes
   * @return {@code iteration}, {@code learning_rate}, the slots, then any extra state
   */
  public final List<StateVariable> variables(List<String> paths, List<Shape> shapes) {
    return StateVariable.layout(this, paths, shapes);
  }

  /**
   * What {@link #statelessApply} returns.
   *
   * @param weights float32, the new weights in model order
   * @param variables the new optimizer variables, in {@link #variables} order
   */
  public record Applied(List<Operand<TFloat32>> weights, List<Operand<?>> variables) {}

  /**
   * One step of the optimizer as a pure function; mirrors Keras's {@code
   * optimizer.stateless_apply(optimizer_variables, grads, trainable_variables)}. Sets no field: it
   * can be traced any number of times, into any graph or function.
   *
   * @param tf ops in the optimizer's scope, {@code tf.withSubScope(kerasName())} ({@code adam/}),
   *     made once per graph (TF Java names a second {@code withSubScope("adam")} {@code adam_1})
   * @param state the values of {@link #variables}, in that order
   * @param grads float32, d loss / d weight, one per weight and shaped like it
   * @param weights float32, the trainable weights in model order
   * @return the new weights and optimizer variables
   * @throws IllegalArgumentException if the lists do not match
   */
  @SuppressWarnings("unchecked")
  public final Applied statelessApply(Ops tf, List<? extends Operand<?>> state,
      List<? extends Operand<TFloat32>> grads, List<? extends Operand<TFloat32>> weights) {
    checkGradients(grads, weights);
    boolean packed = packs(weights.size());
    int kinds = slotNames().size();
    int slotCount = packed ? kinds : kinds * weights.size();
    int extras = extraVariables().size();
    if (state.size() != 2 + slotCount + extras) {
      throw new IllegalArgumentException(kerasName() + ": expected " + (2 + slotCount + extras)
          + " optimizer variables, found " + state.size());
    }
    Operand<TInt64> iteration = (Operand<TInt64>) state.get(0);
    Operand<TFloat32> lr = (Operand<TFloat32>) state.get(1);
    List<Operand<TFloat32>> slots = new ArrayList<>();
    state.subList(2, 2 + slotCount).forEach(s -> slots.add((Operand<TFloat32>) s));
    List<Operand<TFloat32>> extra = new ArrayList<>();
    state.subList(2 + slotCount, state.size()).forEach(s -> extra.add((Operand<TFloat32>) s));
    Operand<TFloat32> localStep =
        tf.dtypes.cast(tf.math.add(iteration, tf.constant(1L)), TFloat32.class);
    List<Operand<TFloat32>> c = coefficients(tf, lr, localStep, extra);

    List<Operand<TFloat32>> newWeights = new ArrayList<>();
    List<Operand<?>> newState = new ArrayList<>();
    newState.add(tf.math.add(iteration, tf.constant(1L)));
    newState.add(lr);
    if (packed) {
      Update u = update(tf, Packing.concat(tf, grads), slots, c);
      newState.addAll(u.slots());
      List<Operand<TFloat32>> parts = Packing.split(tf, u.delta(), weights);
      for (int i = 0; i < weights.size(); i++) {
        newWeights.add(tf.math.sub(weights.get(i), parts.get(i)));
      }
    } else {
      for (int i = 0; i < weights.size(); i++) {
        Update u = update(tf, grads.get(i), slots.subList(i * kinds, (i + 1) * kinds), c);
        newState.addAll(u.slots());
        newWeights.add(tf.math.sub(weights.get(i), u.delta()));
      }
    }
    newState.addAll(nextExtra(tf, extra));
    return new Applied(newWeights, newState);
  }

  private void checkGradients(List<?> grads, List<?> weights) {
    if (grads.size() != weights.size()) {
      throw new IllegalArgumentException(kerasName() + ": expected one gradient per variable ("
          + weights.size() + "), found " + grads.size());
    }
  }

  /**
   * {@link KerasGradients} of {@code loss} for {@code vars}, then {@link #applyGradients(Ops, List,
   * List)}: Keras's {@code tape.gradient} then {@code optimizer.apply}, as one call.
   *
   * @param tf the graph's ops
   * @param loss float32 []
   * @param vars the trainable variables, in model order
   * @return the train op, {@code adam/apply_gradients}
   */
  public final Op minimize(Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> vars) {
    return applyGradients(tf, KerasGradients.of(tf, loss, vars), vars);
  }

  /**
   * Creates the state variables for {@code vars} under {@code kerasName()/} ({@code
   * adam/iteration}, {@code adam/learning_rate}, {@code adam/momentum}, ...), Keras's {@code
   * optimizer.build(trainable_variables)}.
   *
   * @param scope the optimizer's scope ({@code adam/})
   * @param vars the trainable variables, in model order
   * @return the variables, in {@link #variables} order
   */
  public final List<Variable<?>> build(Ops scope, List<Variable<TFloat32>> vars) {
    List<String> paths = vars.stream().map(v -> v.op().name()).toList();
    List<Shape> shapes = vars.stream().map(Variable::shape).toList();
    List<Variable<?>> state = new ArrayList<>();
    variables(paths, shapes).forEach(v -> state.add(v.create(scope)));
    return state;
  }

  /**
   * Builds the update in place on a graph's variables, as Keras's {@code optimizer.apply(grads,
   * trainable_variables)}: {@link #build} the state, {@link #statelessApply} on the values, and
   * each new value assigned once all are computed (ref variables are read in place: no assign may
   * run while a gradient still reads an old value). For graphs built by hand, such as the tutorial's.
   *
   * @param tf the graph's ops
   * @param grads float32, one per variable, shaped like it
   * @param vars the trainable variables, in model order
   * @return the train op, {@code adam/apply_gradients}
   * @throws IllegalArgumentException if the lists differ in length
   */
  public final Op applyGradients(Ops tf, List<? extends Operand<TFloat32>> grads,
      List<Variable<TFloat32>> vars) {
    checkGradients(grads, vars);
    Ops scope = tf.withSubScope(kerasName());
    List<Variable<?>> state = build(scope, vars);
    Applied a = statelessApply(scope, state, grads, vars);
    List<Operand<?>> all = new ArrayList<>(vars);
    all.addAll(state);
    List<Operand<?>> values = new ArrayList<>(a.weights());
    values.addAll(a.variables());
    return InPlace.assign(scope, all, values, "apply_gradients");
  }

  /** {@return true once a model has created this optimizer's variables: Keras's {@code built}} */
  public boolean built() {
    return built;
  }

  /** Records that a model created this optimizer's variables (a second compile then refuses it). */
  public void markBuilt() {
    built = true;
  }

  /** Float32 rounding of the double {@code 1 - beta}, as Keras 3 computes it in Python. */
  static float oneMinus(double beta) {
    return (float) (1.0 - beta);
  }
}
