package io.github.tfjavaxor.keras.layers;

import io.github.tfjavaxor.keras.activations.Activation;
import io.github.tfjavaxor.keras.initializers.GlorotUniform;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A densely connected layer, {@code output = activation(x · kernel + bias)}; mirrors {@code
 * keras.layers.Dense} with its defaults ({@code use_bias=True}, glorot_uniform kernel, zero bias).
 *
 * <p>Shapes: x float32 [batch, inputDim]; kernel [inputDim, units]; bias [units]; output [batch,
 * units]. The graph is {@code MatMul → BiasAdd → activation} ({@code Add} instead of {@code BiasAdd}
 * for a 1-unit layer), the ops Keras's TensorFlow backend runs.
 *
 * <p>The layer holds its configuration only. Its weights live in the model's graph ({@code
 * ModelGraph}) or are handed to it by a step: {@link #call} is a pure function of {@code (x,
 * kernel, bias)}, so a train step can be traced once and run in a loop, under XLA or stacked.
 *
 * <pre>{@code
 * new Dense(16, "relu", 2);   // Dense(16, input_dim=2, activation='relu'): 2*16 + 16 = 48 params
 * new Dense(1, "sigmoid");    // Dense(1, activation='sigmoid') after it: 16 + 1 = 17 params
 * }</pre>
 */
public final class Dense {

  private final int units;
  private final Activation activation;
  private int inputDim;

  private String name;

  /**
   * A layer whose input size comes from the previous layer.
   *
   * @param units output units, &gt; 0
   * @param activation a Keras activation name, or null for linear
   * @throws IllegalArgumentException if units is not positive or the activation is unknown
   */
  public Dense(int units, String activation) {
    this(units, activation, 0);
  }

  /**
   * A first layer with its input size, Keras's {@code input_dim}.
   *
   * @param units output units, &gt; 0
   * @param activation a Keras activation name, or null for linear
   * @param inputDim input features, &gt; 0; or 0 to take it from the previous layer
   * @throws IllegalArgumentException if units or inputDim is out of range, or the activation is
   *     unknown
   */
  public Dense(int units, String activation, int inputDim) {
    this(units, Activation.get(activation), inputDim);
  }

  /**
   * As {@link #Dense(int, String, int)} with the activation as an enum.
   *
   * @param units output units, &gt; 0
   * @param activation the activation; {@link Activation#LINEAR} for none
   * @param inputDim input features, &gt; 0; or 0 to take it from the previous layer
   * @throws IllegalArgumentException if units or inputDim is out of range or activation is null
   */
  public Dense(int units, Activation activation, int inputDim) {
    if (units <= 0) {
      throw new IllegalArgumentException(
          "Dense: units must be a positive integer, found " + units);
    }
    if (inputDim < 0) {
      throw new IllegalArgumentException(
          "Dense: inputDim must be positive (or 0 to infer it), found " + inputDim);
    }
    if (activation == null) {
      throw new IllegalArgumentException("Dense: activation must not be null; use LINEAR");
    }
    this.units = units;
    this.activation = activation;
    this.inputDim = inputDim;
  }

  /** {@return the output units} */
  public int units() {
    return units;
  }

  /** {@return the activation applied after the bias} */
  public Activation activation() {
    return activation;
  }

  /**
   * The input size: as declared until the layer is added to a model, then the size the model
   * resolved once in {@link #attach} (the previous layer's units). 0 while still unknown.
   *
   * @return the input size, or 0
   */
  public int inputDim() {
    return inputDim;
  }

  /**
   * {@return Keras's layer name ({@code dense}, {@code dense_1}, ...), set when added to a model;
   * else null}
   */
  public String name() {
    return name;
  }

  /**
   * Renames the layer (e.g. to the name a Keras file gives it); before the graph is built.
   *
   * @param name the new name, e.g. {@code dense_3}
   */
  public void setName(String name) {
    this.name = name;
  }

  /**
   * Names the layer as Keras does ({@code dense}, {@code dense_1}, ...) and fixes its input size
   * once: the declared inputDim for the first layer, else the previous layer's units. Called by the
   * model that adds it.
   *
   * @param index the layer's position in the model
   * @param previousUnits the previous layer's units, or 0 for the first layer
   * @throws IllegalArgumentException if the layer already belongs to a model, the first layer has
   *     no inputDim, or a declared inputDim disagrees with the previous layer
   */
  public void attach(int index, int previousUnits) {
    if (this.name != null) {
      throw new IllegalArgumentException(
          "add: layer " + this.name + " already belongs to a model; create a new Dense for each model");
    }
    if (previousUnits == 0 && inputDim == 0) {
      throw new IllegalArgumentException("add: the first layer needs its input size; expected new"
          + " Dense(units, activation, inputDim) as Keras's Dense(units, input_dim=...), found"
          + " inputDim=0");
    }
    if (previousUnits != 0 && inputDim != 0 && inputDim != previousUnits) {
      throw new IllegalArgumentException("add: layer " + index + " declares inputDim=" + inputDim
          + " but the previous layer has " + previousUnits + " units");
    }
    this.name = index == 0 ? "dense" : "dense_" + index;
    if (previousUnits != 0) {
      this.inputDim = previousUnits;
    }
  }

  /**
   * {@return the trainable parameters, {@code inputDim * units + units}; 0 while the input size is
   * unknown}
   */
  public long countParams() {
    return inputDim == 0 ? 0 : (long) inputDim * units + units;
  }

  /** {@return the kernel's shape, [inputDim, units]; Keras's {@code kernel.shape}} */
  public Shape kernelShape() {
    return Shape.of(inputDim, units);
  }

  /** {@return the bias's shape, [units]} */
  public Shape biasShape() {
    return Shape.of(units);
  }

  /**
   * The kernel's initial value, glorot_uniform; Keras's {@code kernel_initializer}.
   *
   * @param tf ops in an init scope, e.g. {@code dense/kernel_initializer/} as Keras names it
   * @param seed the draw's op-level seed ({@code Seeds.forLayer})
   * @return float32 [inputDim, units]
   */
  public Operand<TFloat32> initialKernel(Ops tf, long seed) {
    return GlorotUniform.call(tf, inputDim, units, seed);
  }

  /**
   * The bias's initial value, zeros; float32 [units].
   *
   * @param tf ops in an init scope, e.g. {@code dense/bias_initializer/}
   * @return float32 [units] zeros
   */
  public Operand<TFloat32> initialBias(Ops tf) {
    return tf.zeros(tf.constant(new long[] {units}), TFloat32.class);
  }

  /**
   * The pre-activation {@code x · kernel + bias}: a pure function of its inputs, as Keras's
   * {@code stateless_call} runs a layer with the weights it is given.
   *
   * @param tf ops in the layer's name scope ({@code dense/}), so the ops are {@code dense/MatMul},
   *     {@code dense/BiasAdd}, as in Keras's TF backend
   * @param x float32 [batch, inputDim], or [models, batch, inputDim] for models stacked along a
   *     leading axis (then {@code BatchMatMulV3} and an Add)
   * @param kernel float32 [inputDim, units] (stacked: [models, inputDim, units])
   * @param bias float32 [units] (stacked: [models, 1, units])
   * @return float32 [batch, units] (stacked: [models, batch, units]); for a sigmoid output, the
   *     logits Keras caches for crossentropy
   */
  public Operand<TFloat32> preActivation(Ops tf, Operand<TFloat32> x, Operand<TFloat32> kernel,
      Operand<TFloat32> bias) {
    if (x.shape().numDimensions() == 3) {
      return tf.math.add(tf.train.batchMatMul(x, kernel, TFloat32.class), bias);
    }
    // Keras's TF backend (numpy.py add) uses BiasAdd only when the bias has exactly one dim > 1;
    // a 1-unit bias gets a plain Add. It matters: Grappler fuses MatMul+BiasAdd into
    // _FusedMatMul, whose 16-term dot product rounds differently from MatMul then Add (1 ulp).
    Operand<TFloat32> product = tf.linalg.matMul(x, kernel);
    return units > 1 ? tf.nn.biasAdd(product, bias) : tf.math.add(product, bias);
  }

  /**
   * The forward pass, {@code activation(x · kernel + bias)}; mirrors {@code Dense.call}.
   *
   * @param tf ops in the layer's name scope
   * @param x float32 [batch, inputDim] (stacked: [models, batch, inputDim])
   * @param kernel float32 [inputDim, units] (stacked: [models, inputDim, units])
   * @param bias float32 [units] (stacked: [models, 1, units])
   * @return float32 [batch, units]
   * @see #preActivation
   */
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, Operand<TFloat32> kernel,
      Operand<TFloat32> bias) {
    return activation.apply(tf, preActivation(tf, x, kernel, bias));
  }
}
