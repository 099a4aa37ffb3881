package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.datasets.Datasets;
import io.github.tfjavaxor.interop.SavedModels;
import io.github.tfjavaxor.interop.checkpoint.ModelCheckpoint;
import io.github.tfjavaxor.keras.utils.KeyboardInterrupt;
import io.github.tfjavaxor.keras.utils.PyStrFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code train}'s files, checked before any native work: each output can be written, and no
 * output replaces an input or another output ({@link FileClaims}); and the line an interrupted
 * run ends with.
 */
final class TrainOutputs {
  private TrainOutputs() {}

  /**
   * @throws DataException (exit 3) if an output cannot be written
   * @throws UsageException (exit 2) if two paths collide
   */
  static void check(TrainCommand c) throws DataException {
    if (c.save != null) {
      ModelFiles.checkWritable("--save", c.save);
    }
    OutputChecks.writable("--plot", c.plot);
    OutputChecks.writable("--plot-boundary", c.plotBoundary);
    OutputChecks.writable("--history-csv", c.historyCsv);
    if (c.checkpoint != null) {
      OutputChecks.writable("--checkpoint", Path.of(ModelCheckpoint.sample(c.checkpoint)));
    }
    if (c.tensorboard != null && Files.exists(c.tensorboard) && !Files.isDirectory(c.tensorboard)) {
      throw new DataException(c.tensorboard.toString(), "--tensorboard: expected a directory, found a file");
    }
    FileClaims claims = new FileClaims();
    if (!Datasets.isBuiltin(c.data.data)) {
      claims.reads("--data", Path.of(c.data.data));
    }
    claims.reads("--validation-data", c.fit.validationData);
    if (c.from != null) {
      String flag = c.from.toString();
      for (String f : ModelFiles.files(ModelFiles.ofInput(c.from), flag)) {
        claims.reads("--from", Path.of(f), "--save", "--checkpoint"); // continued in place
      }
    }
    model(claims, "--save", c.save);
    model(claims, "--checkpoint", c.checkpoint);
    claims.writes("--plot", c.plot).writes("--plot-boundary", c.plotBoundary)
        .writes("--history-csv", c.historyCsv)
        .writesInto("--tensorboard", c.tensorboard == null ? null : c.tensorboard.toString(),
            List.of(), List.of("train", "validation"))
        .check();
  }

  private static void model(FileClaims claims, String flag, String path) {
    if (path == null) {
      return;
    }
    ModelFiles.Format f = ModelFiles.ofOutput(path);
    if (f == ModelFiles.Format.SAVED_MODEL) {
      claims.writesInto(flag, path, SavedModels.FILES, List.of("variables"));
    } else {
      claims.writes(flag, path, ModelFiles.files(f, path));
    }
  }

  /**
   * The interruption with the last checkpoint named: {@code interrupted by SIGINT after epoch 12
   * of 200000; last checkpoint: ck.keras (epoch 12)}.
   *
   * @param ck the callback, or null if not made yet
   */
  /**
   * Checks {@code --checkpoint}'s fields before training: Keras formats the path with {@code
   * epoch} and the logs, and raises KeyError at the first save for any other name.
   *
   * @param checkpoint the path, or null
   * @param logged the keys each epoch logs
   * @throws UsageException for a malformed field or a name that is not logged
   */
  static void checkFields(String checkpoint, List<String> logged) {
    if (checkpoint == null) {
      return;
    }
    try {
      for (String name : PyStrFormat.fields(checkpoint)) {
        if (!name.equals("epoch") && !logged.contains(name)) {
          throw new UsageException("--checkpoint " + checkpoint + ": {" + name + "} is not"
              + " logged; expected epoch or one of " + logged);
        }
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException("--checkpoint: " + e.getMessage());
    }
  }

  static KeyboardInterrupt interrupted(KeyboardInterrupt e, String checkpoint, ModelCheckpoint ck,
      String save) {
    String more;
    if (checkpoint != null) {
      more = ck == null || ck.lastPath() == null ? "; no checkpoint written yet"
          : "; last checkpoint: " + ck.lastPath() + " (epoch " + ck.lastEpoch() + ")";
    } else {
      more = "; nothing saved" + (save == null ? "" : " (--save writes after the last epoch)");
    }
    return e.withDetail(more);
  }
}
