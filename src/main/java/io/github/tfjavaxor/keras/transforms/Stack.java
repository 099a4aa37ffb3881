package io.github.tfjavaxor.keras.transforms;

import io.github.tfjavaxor.keras.backend.Functions;
import io.github.tfjavaxor.keras.initializers.Seeds;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.optimizers.StateVariable;
import io.github.tfjavaxor.keras.steps.PredictStep;
import io.github.tfjavaxor.keras.steps.TestStep;
import io.github.tfjavaxor.keras.steps.TrainStep;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * S models of one configuration stepping side by side in one graph, JAX's {@code vmap} of the
 * train step: their state is stacked along a leading model axis, one variable per state tensor,
 * and {@link #train()} / {@link #test()} are {@link Scan.Step}s over it, run by a {@link Scan} with
 * one lane per model.
 *
 * <ul>
 *   <li>{@link Mode#EXACT}: the one-model {@link TrainStep} traced once as a function and called
 *       once per model on its slice of the state ({@code Unpack}, the call, {@code Pack}). Each
 *       model runs its single fit's ops, so its numbers are its single fit's, bit for bit.
 *   <li>{@link Mode#BATCHED}: {@link TrainStep} itself on the stacked tensors: kernels [S, in, u],
 *       biases [S, 1, u], {@code BatchMatMul}, a loss per model, and the optimizer once over all
 *       of them. Far fewer ops, but {@code BatchMatMul} rounds differently from the fused {@code
 *       MatMul} of a single fit, so the numbers drift (docs/development/train-step.md).
 * </ul>
 *
 * <p>The models differ only in their seed and, in the exact mode, their learning rate. Model i's
 * initial weights are its single fit's ({@link Seeds#forLayer}); its optimizer starts as its
 * single fit's.
 */
public final class Stack implements AutoCloseable {
  /** How the models' steps are combined. */
  public enum Mode {
    /** One call of the traced one-model step per model: each model's own bits. */
    EXACT,
    /** The step on the stacked tensors: one set of ops for all models, not bit-identical. */
    BATCHED
  }

  private final Mode mode;
  private final int models;
  private final List<Dense> layers;
  private final Loss loss;
  private final List<Metric> metrics;
  private final Optimizer optimizer;
  private final List<Variable<?>> state = new ArrayList<>();
  private final List<Functions.Arg> modelArgs = new ArrayList<>();
  private ConcreteFunction trainFunction;
  private ConcreteFunction testFunction;

  /**
   * Creates the stacked state's variables in {@code tf}'s graph: the weights under each layer's
   * scope ({@code dense/kernel} [S, in, u]), the optimizer's under its own ({@code adam/...}).
   *
   * @param tf the model graph's ops
   * @param mode exact per-model steps or one batched step
   * @param m the models
   * @throws IllegalArgumentException if BATCHED models' learning rates differ
   */
  public Stack(Ops tf, Mode mode, StackedModels m) {
    for (float lr : m.learningRates()) {
      if (mode == Mode.BATCHED && lr != m.learningRates()[0]) {
        throw new IllegalArgumentException("stack: batched models share one learning rate, found "
            + m.learningRates()[0] + " and " + lr);
      }
    }
    this.mode = mode;
    this.models = m.seeds().length;
    this.layers = m.layers();
    this.loss = m.loss();
    this.metrics = m.metrics();
    this.optimizer = m.optimizer();
    createWeights(tf, m.seeds());
    createOptimizerState(tf.withSubScope(optimizer.kerasName()), m.learningRates());
  }

  /** {@return the stacked variables: the weights in model order, then the optimizer's} */
  public List<Variable<?>> state() {
    return state;
  }

  /** {@return S, the models} */
  public int models() {
    return models;
  }

  /** {@return the train step over all models; its output is float32 [S, 1 + metrics]} */
  public Scan.Step train() {
    if (mode == Mode.BATCHED) {
      return (tf, st, x, y) -> {
        TrainStep.Result r = TrainStep.call(tf, layers, loss, metrics, optimizer, st,
            lanes(tf, x), lanes(tf, y));
        return new Scan.Traced(r.state(), r.logs());
      };
    }
    if (trainFunction == null) {
      trainFunction = Functions.traceArgs("train_step", withBatch(modelArgs), (f, in) -> {
        int n = modelArgs.size();
        TrainStep.Result r = TrainStep.call(f, layers, loss, metrics, optimizer,
            in.subList(0, n), batch(in, n), batch(in, n + 1));
        List<Operand<?>> out = new ArrayList<>(r.state());
        out.add(r.logs());
        return out;
      });
    }
    return (tf, st, x, y) -> perModel(tf, trainFunction, st, st.size(), x, y);
  }

  /**
   * {@return the test step over all models, the state unchanged; output float32 [S, 1 + metrics]}
   */
  public Scan.Step test() {
    int weights = 2 * layers.size();
    if (mode == Mode.BATCHED) {
      return (tf, st, x, y) -> new Scan.Traced(st, TestStep.call(tf, loss, metrics,
          PredictStep.call(tf, layers, weightsOf(st, weights), lanes(tf, x)), lanes(tf, y))
          .logs());
    }
    if (testFunction == null) {
      testFunction = Functions.traceArgs("test_step", withBatch(modelArgs.subList(0, weights)),
          (f, in) -> List.of(TestStep.call(f, loss, metrics, PredictStep.call(f, layers,
              weightsOf(in, weights), batch(in, weights)), batch(in, weights + 1)).logs()));
    }
    return (tf, st, x, y) -> {
      Scan.Traced t = perModel(tf, testFunction, st, weights, x, y);
      return new Scan.Traced(st, t.output());
    };
  }

  // Calls f once per model on its slices of the first `used` state tensors and of x and y; the
  // results stacked back: f's outputs but the last are the model's new state, the last its logs.
  @SuppressWarnings("unchecked")
  private Scan.Traced perModel(Ops tf, ConcreteFunction f, List<Operand<?>> st, int used,
      Operand<TFloat32> x, Operand<TFloat32> y) {
    List<List<Output<?>>> slices = new ArrayList<>();
    for (Operand<?> s : st.subList(0, used)) {
      slices.add(unstack(tf, s));
    }
    List<Output<?>> xs = unstack(tf, lanes(tf, x));
    List<Output<?>> ys = unstack(tf, lanes(tf, y));
    List<List<Output<?>>> outs = new ArrayList<>();
    for (int i = 0; i < models; i++) {
      List<Operand<?>> args = new ArrayList<>();
      for (List<Output<?>> s : slices) {
        args.add(s.get(i));
      }
      args.add(xs.get(i));
      args.add(ys.get(i));
      outs.add(Functions.call(tf, f, args, false));
    }
    int results = outs.get(0).size();
    List<Operand<?>> next = new ArrayList<>();
    for (int k = 0; k < results - 1; k++) {
      next.add(stack(tf, outs, k));
    }
    next.addAll(st.subList(used, st.size()));
    return new Scan.Traced(next, (Operand<TFloat32>) stack(tf, outs, results - 1));
  }

  // A scan gives one lane's batch as [size, dim]; the stack's steps take [models, size, dim].
  private Operand<TFloat32> lanes(Ops tf, Operand<TFloat32> batch) {
    return batch.shape().numDimensions() == 3 ? batch : tf.expandDims(batch, tf.constant(0));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Operand<?> stack(Ops tf, List<List<Output<?>>> outs, int k) {
    List<Operand> parts = new ArrayList<>();
    outs.forEach(o -> parts.add(o.get(k)));
    return tf.stack((Iterable) parts);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<Output<?>> unstack(Ops tf, Operand<?> stacked) {
    return new ArrayList<>(tf.unstack((Operand) stacked, (long) models, Unstack.axis(0L)).output());
  }

  @SuppressWarnings("unchecked")
  private static List<Operand<TFloat32>> weightsOf(List<? extends Operand<?>> st, int n) {
    List<Operand<TFloat32>> w = new ArrayList<>();
    st.subList(0, n).forEach(t -> w.add((Operand<TFloat32>) t));
    return w;
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> batch(List<Operand<?>> in, int at) {
    return (Operand<TFloat32>) in.get(at);
  }

  // One model's arguments: its state, then x [-1, inputDim] and y [-1, outputDim].
  private List<Functions.Arg> withBatch(List<Functions.Arg> state) {
    List<Functions.Arg> args = new ArrayList<>(state);
    args.add(new Functions.Arg(TFloat32.class, Shape.of(-1, layers.get(0).inputDim())));
    args.add(new Functions.Arg(TFloat32.class,
        Shape.of(-1, layers.get(layers.size() - 1).units())));
    return args;
  }

  private void createWeights(Ops tf, long[] seeds) {
    for (int j = 0; j < layers.size(); j++) {
      Dense d = layers.get(j);
      Ops scope = tf.withSubScope(d.name());
      Ops kernelInit = scope.withSubScope("kernel_initializer").withInitScope();
      List<Operand<TFloat32>> kernels = new ArrayList<>();
      for (long seed : seeds) {
        kernels.add(d.initialKernel(kernelInit, Seeds.forLayer(seed, j)));
      }
      Ops biasInit = scope.withSubScope("bias_initializer").withInitScope();
      Operand<TFloat32> biases = biasInit.zeros(biasInit.constant(mode == Mode.BATCHED
          ? new long[] {models, 1, d.units()} : new long[] {models, d.units()}), TFloat32.class);
      state.add(scope.withName("kernel").variable(kernelInit.stack(kernels)));
      state.add(scope.withName("bias").variable(biases));
      modelArgs.add(new Functions.Arg(TFloat32.class, d.kernelShape()));
      modelArgs.add(new Functions.Arg(TFloat32.class, d.biasShape()));
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void createOptimizerState(Ops scope, float[] learningRates) {
    List<String> paths = new ArrayList<>();
    List<Shape> shapes = new ArrayList<>();
    for (Dense d : layers) {
      paths.add(d.name() + "/kernel");
      paths.add(d.name() + "/bias");
      shapes.add(mode == Mode.BATCHED ? Shape.of(models, d.inputDim(), d.units()) : d.kernelShape());
      shapes.add(mode == Mode.BATCHED ? Shape.of(models, 1, d.units()) : d.biasShape());
    }
    Ops init = scope.withInitScope();
    boolean exact = mode == Mode.EXACT;
    for (StateVariable v : optimizer.variables(paths, shapes)) {
      // Exact: one value per model along a leading axis; batched: the optimizer's own layout.
      long[] dims = v.shape().asArray();
      if (exact) {
        dims = new long[dims.length + 1];
        dims[0] = models;
        System.arraycopy(v.shape().asArray(), 0, dims, 1, dims.length - 1);
      }
      Operand<?> value;
      if (v.int64()) {
        value = init.fill(init.constant(dims), init.constant((long) v.initialValue()));
      } else if (v.name().equals(StateVariable.LEARNING_RATE)) {
        value = exact ? init.constant(learningRates) : init.constant(learningRates[0]);
      } else {
        value = init.fill(init.constant(dims), init.constant(v.initialValue()));
      }
      state.add(scope.withName(v.name()).variable((Operand) value));
      modelArgs.add(new Functions.Arg(v.int64() ? TInt64.class : TFloat32.class, v.shape()));
    }
  }

  @Override
  public void close() {
    if (trainFunction != null) {
      trainFunction.close();
    }
    if (testFunction != null) {
      testFunction.close();
    }
  }
}
