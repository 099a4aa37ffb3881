package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.callbacks.Callback;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of {@code fit} beyond the data, with Keras 3's defaults; mirrors the keyword
 * arguments of {@code Model.fit} ({@code keras/src/backend/tensorflow/trainer.py}). Only {@code
 * epochs} is required; everything else is optional.
 *
 * <pre>{@code
 * FitArgs args = FitArgs.builder(1000)   // epochs
 *     .batchSize(4)                      // default 32
 *     .verbose(0)                        // default 1, the progress bar
 *     .validationSplit(0.25)             // default 0: no validation
 *     .build();
 * History h = model.fit(x, y, args);     // logs loss, binary_accuracy, val_loss, val_binary_accuracy
 * }</pre>
 *
 * <p>{@link Builder#build()} checks every value here; the data-dependent checks (shapes, the split,
 * the replayed orders) run in {@code fit}, still before any native work.
 *
 * @param epochs the epoch to stop at, &gt;= 0; {@code epochs <= initialEpoch} trains nothing
 * @param batchSize rows per step, &gt;= 1
 * @param verbose 0 silent, 1 progress bar, 2 one line per epoch
 * @param shuffle reorder the training rows each epoch
 * @param shuffleOrders null, or {@code orders[e]} = the row order of epoch e to replay
 * @param callbacks extra callbacks, called before the History and the progress printer
 * @param initialEpoch the 0-based epoch to start at
 * @param validationSplit the last fraction of the rows held out for validation, in [0, 1)
 * @param validationX null, or validation inputs float [m][inputDim]
 * @param validationY null, or validation targets float [m][outputDim]
 */
public record FitArgs(int epochs, int batchSize, int verbose, boolean shuffle,
    int[][] shuffleOrders, List<Callback> callbacks, int initialEpoch, double validationSplit,
    float[][] validationX, float[][] validationY) {

  /** Keras's {@code batch_size=None}, which means 32. */
  public static final int BATCH_SIZE_DEFAULT = 32;
  /** Keras's {@code verbose="auto"}, which means 1 (progress bar). */
  public static final int VERBOSE_DEFAULT = 1;
  /** Keras's {@code shuffle=True}. */
  public static final boolean SHUFFLE_DEFAULT = true;
  /** Keras's {@code validation_split=0.0}. */
  public static final double VALIDATION_SPLIT_DEFAULT = 0.0;

  /**
   * A builder with Keras's defaults for everything but {@code epochs}.
   *
   * @param epochs the epoch to stop at, &gt;= 0 (checked by {@link Builder#build()})
   * @return a new builder
   */
  public static Builder builder(int epochs) {
    return new Builder(epochs);
  }

  /**
   * Where Keras's {@code train_validation_split} cuts {@code rows} rows: {@code floor(rows * (1 -
   * validationSplit))}; the rows from there on validate.
   *
   * @param rows the rows given to fit
   * @param validationSplit the fraction to validate on, in [0, 1)
   * @return the first validation row's index
   * @throws IllegalArgumentException if no training row or no validation row would be left
   */
  public static int splitAt(int rows, double validationSplit) {
    int at = splitIndex(rows, validationSplit);
    if (at == 0 || at == rows) {
      throw new IllegalArgumentException("validation_split: expected a fraction that leaves at"
          + " least one training row and one validation row of the " + rows + " rows, found "
          + validationSplit + " (split at floor(" + rows + " * (1 - " + validationSplit + ")) = "
          + at + ", as Keras splits)");
    }
    return at;
  }

  /**
   * {@code floor(rows * (1 - validationSplit))}, unchecked: where {@link #splitAt} cuts.
   *
   * @param rows the rows given to fit
   * @param validationSplit the fraction to validate on
   * @return the first validation row's index, possibly 0 or {@code rows}
   */
  public static int splitIndex(int rows, double validationSplit) {
    return (int) Math.floor(rows * (1.0 - validationSplit));
  }

  /** {@return true if this fit validates at the end of each epoch} */
  public boolean hasValidation() {
    return validationSplit > 0 || validationX != null;
  }

  /** Builds {@link FitArgs}; setters return the builder. */
  public static final class Builder {
    private final int epochs;
    private int batchSize = BATCH_SIZE_DEFAULT;
    private int verbose = VERBOSE_DEFAULT;
    private Boolean shuffle;
    private int[][] shuffleOrders;
    private List<Callback> callbacks = List.of();
    private int initialEpoch;
    private double validationSplit = VALIDATION_SPLIT_DEFAULT;
    private float[][] validationX;
    private float[][] validationY;

    private Builder(int epochs) {
      this.epochs = epochs;
    }

    /**
     * Rows per step; Keras's {@code batch_size}.
     *
     * @param batchSize &gt;= 1; default 32
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /**
     * 0, 1 or 2; Keras's {@code verbose}.
     *
     * @param verbose 0 silent, 1 progress bar (default), 2 one line per epoch
     * @return this builder
     */
    public Builder verbose(int verbose) {
      this.verbose = verbose;
      return this;
    }

    /**
     * Keras's {@code shuffle}. Java's own shuffle reorders only fits of more than one batch, and
     * is seeded by the model seed; {@link #shuffleOrders} replays Keras's orders instead.
     *
     * @param shuffle reorder the training rows each epoch; default true
     * @return this builder
     */
    public Builder shuffle(boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    /**
     * Replays given row orders: epoch e trains on the training rows in the order {@code
     * orders[e]}, a permutation of {@code 0 .. n-1} (n = training rows after any validation
     * split). Applied even to a single batch, as Keras's array adapter permutes the whole
     * dataset each epoch. Implies {@code shuffle(true)}.
     *
     * @param orders at least {@code epochs} permutations
     * @return this builder
     */
    public Builder shuffleOrders(int[][] orders) {
      this.shuffleOrders = orders;
      return this;
    }

    /**
     * Callbacks called before the History and the progress printer, in order.
     *
     * @param callbacks non-null callbacks; default none
     * @return this builder
     */
    public Builder callbacks(List<Callback> callbacks) {
      this.callbacks = callbacks;
      return this;
    }

    /**
     * The 0-based epoch to start at, Keras's {@code initial_epoch}; earlier shuffles are skipped.
     *
     * @param initialEpoch &gt;= 0; default 0
     * @return this builder
     */
    public Builder initialEpoch(int initialEpoch) {
      this.initialEpoch = initialEpoch;
      return this;
    }

    /**
     * The last fraction of the rows to validate on, taken before any shuffling.
     *
     * @param validationSplit in [0, 1); default 0, no validation
     * @return this builder
     */
    public Builder validationSplit(double validationSplit) {
      this.validationSplit = validationSplit;
      return this;
    }

    /**
     * Validation rows, Keras's {@code validation_data=(x, y)}; overrides validationSplit.
     *
     * @param x validation inputs float [m][inputDim]
     * @param y validation targets float [m][outputDim]
     * @return this builder
     * @throws IllegalArgumentException if x or y is null
     */
    public Builder validationData(float[][] x, float[][] y) {
      if (x == null || y == null) {
        throw new IllegalArgumentException("validation_data: expected (x, y) arrays, found "
            + (x == null ? "x=null" : "y=null"));
      }
      this.validationX = x;
      this.validationY = y;
      return this;
    }

    /**
     * Checks the values and builds the arguments.
     *
     * @return the checked arguments
     * @throws IllegalArgumentException naming the first bad value
     */
    public FitArgs build() {
      if (epochs < 0) {
        throw new IllegalArgumentException("epochs: expected an integer >= 0, found " + epochs);
      }
      if (initialEpoch < 0) {
        throw new IllegalArgumentException(
            "initial_epoch: expected an integer >= 0, found " + initialEpoch);
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException(
            "batch_size: expected an integer >= 1, found " + batchSize);
      }
      if (verbose < 0 || verbose > 2) {
        throw new IllegalArgumentException("verbose: expected 0, 1 or 2, found " + verbose);
      }
      if (!(validationSplit >= 0 && validationSplit < 1)) {
        throw new IllegalArgumentException(
            "validation_split: expected a number in [0, 1), found " + validationSplit);
      }
      if (callbacks == null || callbacks.stream().anyMatch(java.util.Objects::isNull)) {
        throw new IllegalArgumentException(
            "callbacks: expected a list of callbacks, found " + callbacks);
      }
      if (shuffleOrders != null && Boolean.FALSE.equals(shuffle)) {
        throw new IllegalArgumentException(
            "shuffleOrders: replaying row orders needs shuffle=true, found shuffle=false");
      }
      if (shuffleOrders != null && shuffleOrders.length < epochs) {
        throw new IllegalArgumentException("shuffleOrders: expected one order per epoch ("
            + epochs + "), found " + shuffleOrders.length);
      }
      boolean doShuffle = shuffle == null ? SHUFFLE_DEFAULT : shuffle;
      return new FitArgs(epochs, batchSize, verbose, doShuffle, shuffleOrders,
          List.copyOf(new ArrayList<>(callbacks)), initialEpoch,
          validationX != null ? 0.0 : validationSplit, validationX, validationY);
    }
  }
}
