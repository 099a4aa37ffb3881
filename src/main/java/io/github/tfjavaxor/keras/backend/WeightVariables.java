package io.github.tfjavaxor.keras.backend;

import io.github.tfjavaxor.keras.initializers.Seeds;
import io.github.tfjavaxor.keras.layers.Dense;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A layer stack's weights as graph variables, Keras's {@code Dense.build}: under each layer's
 * scope {@code dense/kernel} (glorot_uniform, op seed {@link Seeds#forLayer}) and {@code
 * dense/bias} (zeros), the initial values in init scopes of their own ({@code
 * dense/kernel_initializer/...}).
 *
 * @param scopes each layer's scope, for its forward ops ({@code PredictStep.call(scopes, ...)})
 * @param variables {@code [kernel, bias]} per layer, in model order
 */
record WeightVariables(List<Ops> scopes, List<Variable<TFloat32>> variables) {

  /**
   * @param layers attached layers, in order
   * @param seed the model seed
   */
  public static WeightVariables create(Ops tf, List<Dense> layers, long seed) {
    List<Ops> scopes = new ArrayList<>();
    List<Variable<TFloat32>> variables = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Dense d = layers.get(i);
      Ops scope = tf.withSubScope(d.name());
      scopes.add(scope);
      variables.add(scope.withName("kernel").variable(d.initialKernel(
          scope.withSubScope("kernel_initializer").withInitScope(), Seeds.forLayer(seed, i))));
      variables.add(scope.withName("bias").variable(
          d.initialBias(scope.withSubScope("bias_initializer").withInitScope())));
    }
    return new WeightVariables(scopes, variables);
  }
}
