/**
 * The model's three steps as pure functions of their inputs, Keras's {@code predict_step}, {@code
 * test_step} and {@code train_step} ({@code keras/src/backend/jax/trainer.py} writes them the same
 * way): each builds ops from the tensors it is given and sets no field, so it can be traced into
 * any graph or function.
 *
 * <ul>
 *   <li>{@link io.github.tfjavaxor.keras.steps.PredictStep}: {@code (weights, x) -> y_pred};
 *   <li>{@link io.github.tfjavaxor.keras.steps.TestStep}: the loss and the step's logs {@code
 *       [loss, metric totals...]} of a prediction;
 *   <li>{@link io.github.tfjavaxor.keras.steps.TrainStep}: {@code (weights, optimizer variables,
 *       x, y) -> (new weights, new optimizer variables, logs)}: the two above, {@code
 *       KerasGradients} and the optimizer's {@code statelessApply}.
 * </ul>
 *
 * <p>The transforms in {@code io.github.tfjavaxor.keras.transforms} compose them: inline in the
 * model's graph (one {@code session.run} per batch), scanned over the batches of one or several
 * epochs in a {@code While} loop, and under XLA.
 */
package io.github.tfjavaxor.keras.steps;
