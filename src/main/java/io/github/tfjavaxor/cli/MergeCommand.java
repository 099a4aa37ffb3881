package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.datasets.Dataset;
import io.github.tfjavaxor.sweep.RunResult;
import io.github.tfjavaxor.sweep.RunsCsv;
import io.github.tfjavaxor.sweep.SweepSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code merge}: joins the runs.csv files of sweep shards and summarises them. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Join the runs.csv files of sweep shards into OUT/runs.csv, OUT/summary.csv and OUT/epochs.png,"
        + " and print the Markdown table.",
    footer = ExitCodes.HELP)
final class MergeCommand implements Callable<Integer> {
  @ParentCommand TfjavaXor parent;

  @Parameters(paramLabel = "RUNS_CSV", arity = "1..*", description = "runs.csv files written by sweep --shard")
  List<Path> inputs;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "output directory")
  Path out;

  @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Epochs to 100% accuracy", description = "chart title (default: ${DEFAULT-VALUE})")
  String title;

  @Override
  public Integer call() throws Exception {
    Path target = out.resolve("runs.csv");
    FileClaims claims = new FileClaims();
    inputs.forEach(in -> claims.reads("RUNS_CSV", in));
    claims.writesInto("--out", out.toString(), List.of("runs.csv", "summary.csv", "epochs.png"),
        List.of()).check();
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new DataException(out.toString(), "--out: expected a directory, found a file");
    }
    Map<String, RunResult> byKey = new LinkedHashMap<>();
    RunResult first = null;
    Path firstFile = null;
    for (Path in : inputs) {
      RunsCsv.Contents c = RunsCsv.read(in);
      if (c.droppedPartialLine()) {
        parent.err.println("merge: " + in + ": ignored a partly written last line");
      }
      for (RunResult r : c.rows()) {
        if (first == null) {
          first = r;
          firstFile = in;
        } else if (!Dataset.sameData(first.data(), r.data()) || first.epochs() != r.epochs()) {
          throw new DataException(in.toString(), "holds runs of another sweep (data " + r.data()
              + ", epochs " + r.epochs() + ") than " + firstFile + " (data " + first.data()
              + ", epochs " + first.epochs() + "); merge joins the shards of one sweep");
        }
        RunResult prev = byKey.putIfAbsent(r.key(), r);
        if (prev != null && (prev.firstEpoch1() != r.firstEpoch1()
            || Double.compare(prev.finalLoss(), r.finalLoss()) != 0)) {
          parent.err.println("merge: " + in + ": run '" + r.key() + "' differs from an earlier file; kept the first");
        }
      }
    }
    List<RunResult> rows = new ArrayList<>(byKey.values());
    rows.sort(Comparator.comparingInt(RunResult::configIndex).thenComparingLong(RunResult::seed));
    Files.createDirectories(out);
    RunsCsv.writeAll(target, rows);
    SweepSummary s = new SweepSummary(rows);
    s.writeCsv(out.resolve("summary.csv"));
    s.writeChart(out.resolve("epochs.png"), title);
    parent.out.print(s.markdown());
    parent.out.println();
    parent.out.println(rows.size() + " runs from " + inputs.size() + " files");
    return ExitCodes.OK;
  }
}
