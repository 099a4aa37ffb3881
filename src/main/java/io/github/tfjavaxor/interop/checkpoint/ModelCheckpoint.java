package io.github.tfjavaxor.interop.checkpoint;

import io.github.tfjavaxor.interop.KerasModelFile;
import io.github.tfjavaxor.interop.KerasWeightsFile;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.Callback;
import io.github.tfjavaxor.keras.callbacks.Monitor;
import io.github.tfjavaxor.keras.utils.PyStrFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Saves the model after each epoch; mirrors Keras 3's {@code keras.callbacks.ModelCheckpoint}
 * ({@code keras/src/callbacks/model_checkpoint.py}) with {@code monitor="val_loss", mode="auto",
 * save_best_only=False, save_freq="epoch"}. A path ending in {@code .keras} is written as a Keras 3
 * model file ({@link KerasModelFile}: config and weights, loadable by {@code
 * keras.models.load_model}), one ending in {@code .weights.h5} as Keras weights ({@link
 * KerasWeightsFile}); any other path is a TF checkpoint prefix ({@link Checkpoints}), which also
 * keeps the optimizer state that {@code --resume} needs. The path is formatted as Keras formats it,
 * {@code filepath.format(epoch=epoch + 1, **logs)} ({@link PyStrFormat}): {@code
 * m.{epoch:02d}-{val_loss:.2f}.keras}.
 *
 * <p>With saveBestOnly, a model is saved only when the monitored value improves on the best so far
 * (strictly); if the monitor is missing from the logs, Keras saves anyway, and so does this.
 */
public final class ModelCheckpoint implements Callback {
  private final String filepath;
  private final Monitor monitor;
  private final boolean saveBestOnly;
  private final CheckpointMeta meta;
  private final Consumer<String> log;
  private Sequential model;
  private double best;
  private int saves;
  private String lastPath;
  private int lastEpoch;

  /**
   * Keras's {@code ModelCheckpoint(filepath, monitor, mode=mode, save_best_only=...)}.
   *
   * @param filepath checkpoint path, may contain fields such as {@code {epoch}}, {@code {epoch:02d}}
   *     or {@code {loss:.3f}}
   * @param monitor logs key, e.g. {@code loss}
   * @param mode auto, min or max
   * @param saveBestOnly save only on improvement
   * @param meta the description stored with each save (its epoch is set per save)
   * @param log Keras's verbose=1 messages, or null
   */
  public ModelCheckpoint(String filepath, String monitor, String mode, boolean saveBestOnly,
      CheckpointMeta meta, Consumer<String> log) {
    this.filepath = filepath;
    this.monitor = new Monitor(monitor, mode, 0);
    this.saveBestOnly = saveBestOnly;
    this.meta = meta;
    this.log = log == null ? s -> {} : log;
    this.best = this.monitor.initialBest();
  }

  @Override
  public void setModel(Sequential m) {
    this.model = m;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("epoch", epoch + 1);
    values.putAll(logs);
    String path = PyStrFormat.format(filepath, values);
    if (saveBestOnly) {
      Double current = logs.get(monitor.monitor());
      if (current != null) {
        if (!monitor.isImprovement(current, best)) {
          return;
        }
        log.accept("Epoch " + (epoch + 1) + ": " + monitor.monitor() + " improved from "
            + (Double.isInfinite(best) ? (best > 0 ? "inf" : "-inf") : String.format("%.5f", best))
            + " to " + String.format("%.5f", current) + ", saving model to " + path);
        best = current;
      }
    }
    try {
      if (path.endsWith(".keras")) {
        KerasModelFile.save(Path.of(path), model);
      } else if (io.github.tfjavaxor.interop.KerasH5File.isModelFile(path)) {
        io.github.tfjavaxor.interop.KerasH5File.save(Path.of(path), model);
      } else if (path.endsWith(".weights.h5")) {
        KerasWeightsFile.save(Path.of(path), model);
      } else {
        Checkpoints.save(model, Path.of(path), meta.atEpoch(epoch + 1));
      }
      saves++;
      lastPath = path;
      lastEpoch = epoch + 1;
    } catch (IOException e) {
      throw new UncheckedIOException("ModelCheckpoint: cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@return the path with every field written as 0, for checks that read its directory and
   *     extension before training}
   *
   * @param filepath a checkpoint path with fields
   */
  public static String sample(String filepath) {
    return PyStrFormat.ANY_FIELD.matcher(filepath).replaceAll("0");
  }

  /** {@return how many checkpoints were written} */
  public int saves() {
    return saves;
  }

  /** {@return the path of the last checkpoint written, or null before the first} */
  public String lastPath() {
    return lastPath;
  }

  /** {@return the 1-based epoch of the last checkpoint written, or 0 before the first} */
  public int lastEpoch() {
    return lastEpoch;
  }

  /** {@return the best monitored value seen (±inf before any)} */
  public double best() {
    return best;
  }
}
