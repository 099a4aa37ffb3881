/**
 * The trainer, split from the model as Keras splits {@code trainers/} from {@code
 * models/sequential.py}: the compiled configuration ({@link
 * io.github.tfjavaxor.keras.trainers.CompileConfig}), fit's arguments ({@link
 * io.github.tfjavaxor.keras.trainers.FitArgs}), the three graph functions (predict, test, train;
 * each one {@code session.run} per step, each built on first need), the loops ({@link
 * io.github.tfjavaxor.keras.trainers.Trainer}), the epoch iterator and the metrics tracker; for a
 * single-batch training set, several epochs per {@code session.run} ({@code EpochChunks}) and
 * Keras's {@code jit_compile} ({@link io.github.tfjavaxor.keras.trainers.JitCompile}).
 *
 * <pre>{@code
 * History h = model.fit(x, y, FitArgs.builder(1000).validationSplit(0.25).build());
 * h.get("val_loss");   // one value per epoch, evaluated on the last 25% of the rows
 * }</pre>
 */
package io.github.tfjavaxor.keras.trainers;
