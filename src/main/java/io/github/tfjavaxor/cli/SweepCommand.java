package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.datasets.Dataset;
import io.github.tfjavaxor.datasets.Datasets;
import io.github.tfjavaxor.keras.transforms.Stack;
import io.github.tfjavaxor.keras.utils.Interrupts;
import io.github.tfjavaxor.keras.utils.KeyboardInterrupt;
import io.github.tfjavaxor.stacked.GroupKey;
import io.github.tfjavaxor.sweep.GroupedRunner;
import io.github.tfjavaxor.sweep.ProgressBar;
import io.github.tfjavaxor.sweep.RunResult;
import io.github.tfjavaxor.sweep.RunSpec;
import io.github.tfjavaxor.sweep.RunsCsv;
import io.github.tfjavaxor.sweep.SweepGrid;
import io.github.tfjavaxor.sweep.SweepRunner;
import io.github.tfjavaxor.sweep.SweepSummary;
import io.github.tfjavaxor.workbench.FlagValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sweep}: how many epochs each configuration needs to reach 100% accuracy. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Train every combination of the listed values, --seeds seeds each, and report how fast each learns:"
          + " per configuration the success rate (100%% binary accuracy within --epochs), the median and p90 of"
          + " the first epoch at 100%%, the median final loss and the wall time.",
      "Commas separate alternatives; a dash joins the layers of one alternative: --layers 4,16,16-8"
          + " --activation relu,tanh. Runs of one configuration train stacked in one graph (--group, below).",
      "Writes OUT/runs.csv (one row per run, appended as runs or groups finish), OUT/summary.csv,"
          + " OUT/epochs.png and the Markdown table on stdout; progress on stderr."},
    footer = ExitCodes.HELP)
final class SweepCommand implements Callable<Integer> {
  @ParentCommand TfjavaXor parent;
  @Mixin DataOptions data = new DataOptions();

  @Option(names = "--layers", paramLabel = "LIST", defaultValue = "16", description = "hidden layer alternatives (default: ${DEFAULT-VALUE})")
  String layers;

  @Option(names = "--activation", paramLabel = "LIST", defaultValue = "relu", description = "hidden activation alternatives (default: ${DEFAULT-VALUE})")
  String activation;

  @Option(names = "--output-activation", paramLabel = "LIST", defaultValue = "sigmoid", description = "(default: ${DEFAULT-VALUE})")
  String outputActivation;

  @Option(names = "--loss", paramLabel = "LIST", defaultValue = "mean_squared_error", description = "(default: ${DEFAULT-VALUE})")
  String loss;

  @Option(names = "--optimizer", paramLabel = "LIST", defaultValue = "adam", description = "(default: ${DEFAULT-VALUE})")
  String optimizer;

  @Option(names = "--learning-rate", paramLabel = "LIST", defaultValue = "default", description = "numbers, or 'default' for the optimizer's Keras default (default: ${DEFAULT-VALUE})")
  String learningRate;

  @Option(names = "--batch-size", paramLabel = "LIST", defaultValue = "32", description = "(default: ${DEFAULT-VALUE})")
  String batchSize;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "1000", description = "epoch budget per run (default: ${DEFAULT-VALUE})", converter = Numbers.PositiveInt.class)
  int epochs;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "10", description = "runs per configuration (default: ${DEFAULT-VALUE})", converter = Numbers.PositiveInt.class)
  int seeds;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "first seed; runs use seeds N, N+1, ... (default: ${DEFAULT-VALUE})", converter = Numbers.Seed.class)
  long firstSeed;

  @Option(names = "--jobs", paramLabel = "N", description = "runs in parallel (default: the number of cores)", converter = Numbers.PositiveInt.class)
  Integer jobs;

  @Option(names = "--group", paramLabel = "MODE", defaultValue = "exact",
      description = "exact: runs of one configuration (they differ in seed and learning rate) train stacked in one"
          + " graph, up to --group-size per graph, each model calling its own single run's step: numbers bit for bit"
          + " as alone. batched: one set of ops over a leading model axis (batched matmuls, one learning rate per"
          + " group): fewer ops, but losses drift from single runs' (the tutorial, seeds 1..50, 1000 epochs: 2 ulps"
          + " at epoch 1, 9.3e-4 relative at epoch 1000; bench/stacked-deviation). none: one graph and session per"
          + " run."
          + " (default: ${DEFAULT-VALUE})")
  String group;

  @Option(names = "--jit-compile", paramLabel = "true|false", defaultValue = "false",
      description = "with --group exact or batched: compile each group's training loop with XLA, as Keras's"
          + " jit_compile; XLA rounds differently, so losses drift from single runs' (the tutorial: 3 ulps at epoch"
          + " 1, 1.7e-3 relative at epoch 1000) (default: ${DEFAULT-VALUE})")
  String jitCompile;

  @Option(names = "--group-size", paramLabel = "N", defaultValue = "" + GroupKey.GROUP_SIZE_DEFAULT,
      description = "with --group: most runs in one graph, fewer if their tensors would pass 256 MiB"
          + " (default: ${DEFAULT-VALUE})")
  int groupSize;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "sweep-out", description = "output directory (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--shard", paramLabel = "I/N", description = "run only slice I of N of the grid (1 <= I <= N); join the slices with merge")
  String shard;

  @Option(names = "--resume", description = "continue OUT/runs.csv: skip the runs it already has")
  boolean resume;

  @Override
  public Integer call() throws Exception {
    // 1. Usage.
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (threads < 1) {
      throw new UsageException("--jobs: expected an integer >= 1, found " + threads);
    }
    if (groupSize < 1) {
      throw new UsageException("--group-size: expected an integer >= 1, found " + groupSize);
    }
    if (!List.of("none", "exact", "batched").contains(group)) {
      throw new UsageException("--group: expected none, exact or batched, found '" + group + "'");
    }
    if (!List.of("true", "false").contains(jitCompile)) {
      throw new UsageException("--jit-compile: expected true or false, found '" + jitCompile + "'");
    }
    if (group.equals("none") && jitCompile.equals("true")) {
      throw new UsageException("--jit-compile true: needs --group exact or batched, found --group none");
    }
    Numbers.checkSeedRange(firstSeed, seeds, "--seeds");
    Stack.Mode mode = group.equals("batched") ? Stack.Mode.BATCHED : Stack.Mode.EXACT;
    int[] sh = parseShard(shard);
    data.check();
    SweepGrid grid;
    Path runsFile = out.resolve("runs.csv");
    if (out.toString().isEmpty()) {
      throw new UsageException("--out: expected a directory, found an empty path");
    }
    if (Files.exists(runsFile) && !resume) {
      throw new UsageException("--out " + out + " already has runs.csv; pass --resume to continue it, or choose another --out");
    }
    // 2. Files and data.
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new DataException(out.toString(), "--out: expected a directory, found a file");
    }
    new FileClaims().reads("--data", Datasets.isBuiltin(data.data) ? null : Path.of(data.data))
        .writesInto("--out", out.toString(), List.of("runs.csv", "summary.csv", "epochs.png"),
            List.of()).check();
    for (String name : List.of("summary.csv", "epochs.png")) {
      // Without runs.csv these are not an earlier sweep's outputs to continue: leave them be.
      if (Files.exists(out.resolve(name)) && !Files.exists(runsFile)) {
        throw new UsageException("--out " + out + " already has " + name + " but no runs.csv;"
            + " choose another --out");
      }
    }
    Dataset d = data.load();
    try {
      grid = grid(d);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (d.targets() != 1) {
      throw new UsageException("sweep: needs one target column, found " + d.targets());
    }
    Files.createDirectories(out);
    List<RunResult> have = new ArrayList<>();
    if (resume && Files.exists(runsFile)) {
      RunsCsv.Contents c = RunsCsv.read(runsFile);
      for (RunResult r : c.rows()) {
        if (!Dataset.sameData(r.data(), d.identity()) || r.epochs() != epochs) {
          throw new UsageException("--resume: " + runsFile + " holds runs of another sweep (data "
              + r.data() + ", epochs " + r.epochs() + "); this one trains on " + d.identity()
              + " for " + epochs + " epochs. Resume with the same data and --epochs, or choose"
              + " another --out");
        }
      }
      have.addAll(c.rows());
      if (c.droppedPartialLine()) {
        parent.err.println("sweep: dropped a partly written last line of " + runsFile);
        RunsCsv.writeAll(runsFile, have);
      }
    }
    List<RunSpec> todo = sh == null ? grid.shard(1, 1) : grid.shard(sh[0], sh[1]);
    Set<String> done = new HashSet<>();
    have.forEach(r -> done.add(r.key()));
    List<RunSpec> pending = todo.stream().filter(r -> !done.contains(r.key())).toList();
    Set<String> wanted = new HashSet<>();
    todo.forEach(r -> wanted.add(r.key()));
    List<RunResult> results = new ArrayList<>(have.stream().filter(r -> wanted.contains(r.key())).toList());
    parent.err.printf(Locale.ROOT, "sweep: %s x %s = %s%s; %d already done; %d to run on %s%s%n",
        count(grid.configCount(), "configuration"), count(seeds, "seed"),
        count(grid.runCount(), "run"), sh == null ? "" : ", shard " + sh[0] + "/" + sh[1] + " has " + todo.size(),
        todo.size() - pending.size(), pending.size(), count(threads, "thread"),
        group.equals("none") ? "" : ", " + group + " groups of up to " + groupSize);

    // 3. Native work. Load the library first so the first run's wall time is training, not loading.
    org.tensorflow.TensorFlow.version();
    long start = System.nanoTime();
    GroupedRunner.Timing timing = null;
    ProgressBar bar = new ProgressBar(parent.err, pending.size());
    try (RunsCsv csv = RunsCsv.append(runsFile)) {
      SweepRunner.Sink sink = r -> {
        csv.write(r);
        results.add(r);
        bar.step();
        Interrupts.check(); // grouped runs train outside fit: stop between them
      };
      if (group.equals("none")) {
        SweepRunner.run(pending, d.x(), d.y(), threads, sink);
      } else {
        timing = GroupedRunner.run(pending, d.x(), d.y(), threads, groupSize, mode,
            jitCompile.equals("true"), sink);
      }
    } catch (KeyboardInterrupt e) {
      parent.err.println(); // ends the progress bar's line
      throw e.withDetail("; " + runsFile + " has the " + results.size() + " runs done;"
          + " --resume continues");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    SweepSummary summary = new SweepSummary(results);
    summary.writeCsv(out.resolve("summary.csv"));
    summary.writeChart(out.resolve("epochs.png"), "Epochs to 100% accuracy on " + d.name() + " (" + seeds + " seeds, "
        + epochs + " epochs max)");
    parent.out.print(summary.markdown());
    parent.out.printf(Locale.ROOT, "%n%s in %.3f s on %s (%.1f runs/min)%s; data %s, epochs %d, seeds %d..%d%n",
        count(pending.size(), "run"), seconds, count(threads, "thread"), pending.isEmpty() ? 0.0 : pending.size() / seconds * 60,
        timing == null ? "" : String.format(Locale.ROOT, ", of which compiling %.3f s and training %.3f s",
            timing.compileNanos() / 1e9, timing.trainNanos() / 1e9),
        d.name(), epochs, firstSeed, firstSeed + seeds - 1);
    return ExitCodes.OK;
  }

  private SweepGrid grid(Dataset d) {
    List<List<Integer>> ls = new ArrayList<>();
    for (String alt : FlagValues.split("--layers", layers, ",")) {
      ls.add(FlagValues.layers("--layers", alt));
    }
    List<List<String>> acts = new ArrayList<>();
    for (String alt : FlagValues.split("--activation", activation, ",")) {
      acts.add(FlagValues.split("--activation", alt, "-"));
    }
    List<Double> lrs = new ArrayList<>();
    for (String alt : FlagValues.split("--learning-rate", learningRate, ",")) {
      lrs.add(alt.equalsIgnoreCase("default") ? null : FlagValues.positive("--learning-rate", alt));
    }
    List<Integer> bss = new ArrayList<>();
    for (String alt : FlagValues.split("--batch-size", batchSize, ",")) {
      bss.add(FlagValues.positiveInt("--batch-size", alt));
    }
    return new SweepGrid(d.features(), d.targets(), ls, acts,
        FlagValues.split("--output-activation", outputActivation, ","), FlagValues.split("--loss", loss, ","),
        FlagValues.split("--optimizer", optimizer, ","), lrs, bss, epochs, seeds, firstSeed,
        d.identity());
  }

  // "1 run", "2 runs".
  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static int[] parseShard(String s) {
    if (s == null) {
      return null;
    }
    String[] p = s.split("/", -1);
    try {
      if (p.length == 2) {
        int i = Integer.parseInt(p[0].trim());
        int n = Integer.parseInt(p[1].trim());
        if (n >= 1 && i >= 1 && i <= n) {
          return new int[] {i, n};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--shard: expected I/N with 1 <= I <= N, e.g. 2/4, found '" + s + "'");
  }
}
