package io.github.tfjavaxor.sweep;

import io.github.tfjavaxor.workbench.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The cartesian product of the swept values, in a fixed order (layers, activation, output
 * activation, loss, optimizer, learning rate, batch size; the last varies fastest), times the
 * seeds. Run {@code i} of {@code configs x seeds} is configuration {@code i / seeds}, seed {@code
 * firstSeed + i % seeds}.
 */
public final class SweepGrid {
  private final List<ModelSpec> configs = new ArrayList<>();
  private final List<Integer> batchSizes = new ArrayList<>();
  private final int seeds;
  private final long firstSeed;
  private final int epochs;
  private final String data;

  /**
   * The grid of every combination, each configuration checked.
   *
   * @param inputDim the data's features
   * @param outputUnits the data's targets
   * @param layers alternatives, each a list of hidden sizes
   * @param activations alternatives, each a list of one activation per hidden layer or a single
   *     one for all
   * @param outputActivations alternatives, Keras names
   * @param losses alternatives, Keras names
   * @param optimizers alternatives, Keras names
   * @param learningRates alternatives; null entries mean the optimizer's default
   * @param batchSizesIn alternatives, each &gt;= 1
   * @param epochs epochs per run
   * @param seeds seeds per configuration, &gt;= 1
   * @param firstSeed the seed of each configuration's first run; the others count up from it
   * @param data the data every run trains on ({@link io.github.tfjavaxor.datasets.Dataset#identity()})
   * @throws IllegalArgumentException if a combination is invalid (e.g. activation count)
   */
  public SweepGrid(int inputDim, int outputUnits, List<List<Integer>> layers,
      List<List<String>> activations, List<String> outputActivations, List<String> losses,
      List<String> optimizers, List<Double> learningRates, List<Integer> batchSizesIn, int epochs,
      int seeds, long firstSeed, String data) {
    if (seeds < 1) {
      throw new IllegalArgumentException("--seeds: expected an integer >= 1, found " + seeds);
    }
    this.seeds = seeds;
    this.firstSeed = firstSeed;
    this.epochs = epochs;
    this.data = data;
    for (List<Integer> units : layers) {
      for (List<String> act : activations) {
        List<String> perLayer = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
          if (act.size() == 1) {
            perLayer.add(act.get(0));
          } else if (act.size() == units.size()) {
            perLayer.add(act.get(i));
          } else {
            throw new IllegalArgumentException("--activation: '" + String.join("-", act) + "' has " + act.size()
                + " activations but --layers '" + join(units) + "' has " + units.size() + " layers");
          }
        }
        for (String out : outputActivations) {
          for (String loss : losses) {
            for (String opt : optimizers) {
              for (Double lr : learningRates) {
                for (int bs : batchSizesIn) {
                  configs.add(new ModelSpec(inputDim, units, perLayer, outputUnits, out, loss, opt, lr,
                      List.of("binary_accuracy"), firstSeed).check());
                  batchSizes.add(bs);
                }
              }
            }
          }
        }
      }
    }
  }

  private static String join(List<Integer> units) {
    return units.isEmpty() ? "0" : String.join("-", units.stream().map(String::valueOf).toList());
  }

  /** {@return the configurations, in table order} */
  public int configCount() {
    return configs.size();
  }

  /** {@return all runs: configurations x seeds} */
  public int runCount() {
    return configs.size() * seeds;
  }

  /**
   * One run of the full grid.
   *
   * @param i in [0, {@link #runCount()})
   * @return run {@code i}: configuration {@code i / seeds}, seed {@code firstSeed + i % seeds}
   */
  public RunSpec run(int i) {
    int c = i / seeds;
    return new RunSpec(i, c + 1, configs.get(c).withSeed(firstSeed + i % seeds), batchSizes.get(c),
        epochs, data);
  }

  /**
   * The runs of shard {@code shard} (1-based) of {@code shards}: every run with index % shards ==
   * shard - 1.
   *
   * @param shard 1-based, in [1, shards]
   * @param shards &gt;= 1
   * @return those runs, in index order
   */
  public List<RunSpec> shard(int shard, int shards) {
    List<RunSpec> out = new ArrayList<>();
    for (int i = shard - 1; i < runCount(); i += shards) {
      out.add(run(i));
    }
    return out;
  }
}
