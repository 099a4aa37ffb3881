/**
 * The trainer, split from the model as Keras splits {@code trainers/} from {@code
 * models/sequential.py}: the compiled configuration ({@link
 * io.github.tfjavaxor.keras.trainers.CompileConfig}, with Keras's {@code jit_compile} and {@code
 * steps_per_execution}), fit's arguments ({@link io.github.tfjavaxor.keras.trainers.FitArgs}), the
 * three functions (predict, test, train: the steps inline and scanned, each built on first need),
 * the loops ({@link io.github.tfjavaxor.keras.trainers.Trainer}), the epoch iterator with its plan
 * of how many steps each {@code session.run} covers, and the metrics tracker.
 *
 * <pre>{@code
 * History h = model.fit(x, y, FitArgs.builder(1000).validationSplit(0.25).build());
 * h.get("val_loss");   // one value per epoch, evaluated on the last 25% of the rows
 * }</pre>
 */
package io.github.tfjavaxor.keras.trainers;
