package io.github.tfjavaxor.interop;

import io.github.tfjavaxor.keras.trainers.FitArgs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.interop.checkpoint.CheckpointMeta;
import io.github.tfjavaxor.interop.checkpoint.Checkpoints;
import io.github.tfjavaxor.interop.checkpoint.ModelCheckpoint;
import io.github.tfjavaxor.interop.tensorboard.EventFiles;
import io.github.tfjavaxor.interop.tensorboard.TensorBoard;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

class CheckpointAndTensorBoardTest {
  static final float[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  static final float[][] Y = {{0}, {1}, {1}, {0}};
  static final ModelSpec SPEC = ModelSpec.tutorial(2, 1);
  @TempDir Path dir;

  private CheckpointMeta meta() {
    return new CheckpointMeta(CheckpointMeta.FORMAT, SPEC, List.of("a", "b"), List.of("xor"), "xor", 0, 32);
  }

  @Test
  void modelCheckpointSavesEveryEpochOrOnlyTheBest() throws Exception {
    try (Sequential m = SPEC.build()) {
      ModelCheckpoint every = new ModelCheckpoint(dir.resolve("e{epoch}").toString(), "loss", "auto", false, meta(), null);
      // "max" on a falling loss: only epoch 1 improves on -inf.
      List<String> log = new ArrayList<>();
      ModelCheckpoint best = new ModelCheckpoint(dir.resolve("best").toString(), "loss", "max", true, meta(), log::add);
      History h = m.fit(X, Y, FitArgs.builder(5).batchSize(32).verbose(0).shuffle(true).callbacks(List.of(every, best)).build());
      assertEquals(5, every.saves());
      assertEquals(1, best.saves());
      assertEquals(1, Checkpoints.readMeta(dir.resolve("best")).epoch());
      assertEquals(h.get("loss").get(0), best.best());
      assertEquals(1, log.size());
      assertTrue(log.get(0).startsWith("Epoch 1: loss improved from -inf to 0."), log.get(0));
      for (int e = 1; e <= 5; e++) {
        assertEquals(e, Checkpoints.readMeta(dir.resolve("e" + e)).epoch());
      }
      // The epoch-5 checkpoint holds the final weights.
      List<FloatNdArray> w = m.getWeights();
      try (Sequential r = Checkpoints.restore(dir.resolve("e5"), Checkpoints.readMeta(dir.resolve("e5")))) {
        assertEquals(w, r.getWeights());
      }
    }
  }

  @Test
  void modelCheckpointWritesKerasFilesByExtension() throws Exception {
    try (Sequential m = SPEC.build()) {
      ModelCheckpoint keras =
          new ModelCheckpoint(dir.resolve("m{epoch}.keras").toString(), "loss", "auto", false, meta(), null);
      ModelCheckpoint weights =
          new ModelCheckpoint(dir.resolve("w.weights.h5").toString(), "loss", "auto", false, meta(), null);
      m.fit(X, Y, FitArgs.builder(3).batchSize(32).verbose(0).shuffle(true).callbacks(List.of(keras, weights)).build());
      assertEquals(3, keras.saves());
      float[][] expected = m.predict(X, 32, 0);
      try (Sequential fromKeras = io.github.tfjavaxor.interop.KerasModelFile.load(dir.resolve("m3.keras"));
          Sequential fromWeights = SPEC.build()) {
        io.github.tfjavaxor.interop.KerasWeightsFile.load(dir.resolve("w.weights.h5"), fromWeights);
        fromKeras.setProgressStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        float[][] a = fromKeras.predict(X, 32, 0);
        float[][] b = fromWeights.predict(X, 32, 0);
        for (int i = 0; i < X.length; i++) {
          assertEquals(expected[i][0], a[i][0], "from .keras, row " + i);
          assertEquals(expected[i][0], b[i][0], "from .weights.h5, row " + i);
        }
      }
      assertTrue(Files.exists(dir.resolve("m1.keras")) && Files.exists(dir.resolve("m2.keras")));
    }
  }

  @Test
  void tensorBoardEventsHoldTheLoggedValuesAndHistograms() throws Exception {
    Path logs = dir.resolve("tb");
    History h;
    List<FloatNdArray> finalWeights;
    try (Sequential m = SPEC.build()) {
      h = m.fit(X, Y, FitArgs.builder(5).batchSize(32).verbose(0).shuffle(true).callbacks(List.of(new TensorBoard(logs, 2))).build());
      finalWeights = m.getWeights();
    }
    List<Path> files = EventFiles.find(logs);
    assertEquals(1, files.size());
    assertEquals(logs.resolve("train"), files.get(0).getParent());
    List<Event> events = EventFiles.read(files.get(0));
    assertEquals("brain.Event:2", events.get(0).getFileVersion());
    Map<String, Map<Long, Float>> scalars = new HashMap<>();
    Map<String, List<Long>> histSteps = new HashMap<>();
    Summary.Value lastKernel = null;
    for (Event e : events.subList(1, events.size())) {
      for (Summary.Value v : e.getSummary().getValueList()) {
        if (v.hasHisto()) {
          histSteps.computeIfAbsent(v.getTag(), k -> new ArrayList<>()).add(e.getStep());
          if (v.getTag().equals("dense/kernel/histogram") && e.getStep() == 4) {
            lastKernel = v;
          }
        } else {
          float value = v.hasTensor() ? v.getTensor().getFloatVal(0) : v.getSimpleValue();
          scalars.computeIfAbsent(v.getTag(), k -> new HashMap<>()).put(e.getStep(), value);
        }
      }
    }
    for (int epoch = 0; epoch < 5; epoch++) {
      assertEquals(h.get("loss").get(epoch).floatValue(), scalars.get("epoch_loss").get((long) epoch));
      assertEquals(h.get("binary_accuracy").get(epoch).floatValue(), scalars.get("epoch_binary_accuracy").get((long) epoch));
    }
    assertEquals(List.of("dense/bias/histogram", "dense/kernel/histogram", "dense_1/bias/histogram", "dense_1/kernel/histogram"),
        histSteps.keySet().stream().sorted().toList());
    assertEquals(List.of(0L, 2L, 4L), histSteps.get("dense/kernel/histogram"));
    // Epoch 4 is the last: its kernel histogram covers the final 2x16 kernel.
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 16; j++) {
        min = Math.min(min, finalWeights.get(0).getFloat(i, j));
        max = Math.max(max, finalWeights.get(0).getFloat(i, j));
      }
    }
    assertEquals(32.0, lastKernel.getHisto().getNum());
    assertEquals(min, lastKernel.getHisto().getMin(), 1e-6);
    assertEquals(max, lastKernel.getHisto().getMax(), 1e-6);
  }

  @Test
  void atomicWriteLeavesNoTempFileOnFailure() throws Exception {
    Path target = dir.resolve("out.csv");
    Files.writeString(target, "old");
    try {
      io.github.tfjavaxor.interop.files.AtomicFiles.write(target, out -> {
        out.write("half".getBytes());
        throw new java.io.IOException("disk full");
      });
    } catch (java.io.IOException expected) {
      assertEquals("disk full", expected.getMessage());
    }
    assertEquals("old", Files.readString(target));
    try (var s = Files.list(dir)) {
      assertEquals(List.of(target), s.toList());
    }
  }
}
