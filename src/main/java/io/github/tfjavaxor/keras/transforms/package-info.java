/**
 * The compositions of the one train step ({@code io.github.tfjavaxor.keras.steps}), as Keras's
 * trainer wraps {@code train_step} and JAX transforms a pure function:
 *
 * <ul>
 *   <li>{@link io.github.tfjavaxor.keras.transforms.Inline}: the step in the model's graph on its
 *       variables, the new values assigned back; one {@code session.run} per batch ({@code
 *       one_step_on_data}). The reference every other composition gives the bits of.
 *   <li>{@link io.github.tfjavaxor.keras.transforms.Scan}: the step in a While loop over many
 *       batches, gathered in the graph from the fed data by each epoch's row order, one or several
 *       epochs per {@code session.run} ({@code multi_step_on_iterator}, {@code lax.scan}); with
 *       {@code jitCompile}, the loop compiled by XLA ({@code jit}).
 *   <li>{@link io.github.tfjavaxor.keras.transforms.Stack}: S models of one configuration side by
 *       side, their state stacked along a leading axis, scanned with one lane per model ({@code
 *       vmap}): exact (each model's step a call of the one traced step, its own bits) or batched
 *       (the step on the stacked tensors, one set of ops).
 * </ul>
 *
 * <pre>{@code
 * // The train step scanned over 128 batches of 32 rows, 10 epochs in one session.run:
 * model.fit(x, y, FitArgs.builder(10).batchSize(32).verbose(0).build());
 * }</pre>
 */
package io.github.tfjavaxor.keras.transforms;
