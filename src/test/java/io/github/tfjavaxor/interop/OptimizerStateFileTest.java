package io.github.tfjavaxor.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.optimizers.Adam;
import io.github.tfjavaxor.keras.optimizers.RMSprop;
import io.github.tfjavaxor.keras.optimizers.SGD;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.LongNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * Optimizer variables in files: Keras's fixtures (python/make_fixtures.py: Adam, 50 one-batch
 * epochs) are restored value for value, Java writes back the same datasets, and a store that does
 * not fit the compiled optimizer is rejected naming the dataset, before any native work.
 */
class OptimizerStateFileTest {
  @TempDir Path tmp;

  private static byte[] entry(Path zip, String name) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry(name))) {
      return in.readAllBytes();
    }
  }

  /** optimizer/vars/0..n-1 of an HDF5 image, read with jhdf directly, flattened to doubles. */
  private static List<double[]> rawOptimizerVars(byte[] h5) {
    List<double[]> out = new ArrayList<>();
    try (HdfFile f = HdfFile.fromBytes(h5)) {
      int n = ((io.jhdf.api.Group) f.getByPath("optimizer/vars")).getChildren().size();
      for (int i = 0; i < n; i++) {
        Dataset d = f.getDatasetByPath("optimizer/vars/" + i);
        Object data = d.getDataFlat();
        if (data instanceof float[]) {
          float[] a = (float[]) data;
          double[] b = new double[a.length];
          for (int k = 0; k < a.length; k++) {
            b[k] = a[k];
          }
          out.add(b);
        } else if (data instanceof long[]) {
          out.add(new double[] {((long[]) data)[0]});
        } else {
          out.add(new double[] {((Number) d.getData()).doubleValue()});
        }
      }
    }
    return out;
  }

  private static double[] flat(NdArray<?> a) {
    if (a instanceof LongNdArray) {
      return new double[] {((LongNdArray) a).getLong()};
    }
    float[] f = Fixtures.flatten((FloatNdArray) a);
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  @Test
  void restoresKerasAdamStateValueForValue() throws IOException {
    Path file = Fixtures.path("xor.keras");
    List<double[]> raw = rawOptimizerVars(entry(file, "model.weights.h5"));
    try (Sequential m = KerasModelFile.load(file)) {
      List<NdArray<?>> vars = m.getOptimizerVariables();
      assertEquals(10, raw.size());
      assertEquals(10, vars.size());
      assertEquals(50L, ((LongNdArray) vars.get(0)).getLong()); // 50 one-batch epochs
      assertEquals(0.001f, ((FloatNdArray) vars.get(1)).getFloat());
      assertEquals(Shape.of(2, 16), vars.get(3).shape()); // dense_kernel_velocity
      for (int i = 0; i < raw.size(); i++) {
        assertArrayEquals(raw.get(i), flat(vars.get(i)), 0.0, "optimizer/vars/" + i);
      }
      // Keras's model.summary() of this file, as printed by Keras 3.15.1 (xor.keras): 65 weights,
      // 2 x 65 Adam slots + iteration (int64) + learning_rate.
      assertTrue(m.summary().endsWith(" Total params: 197 (792.00 B)\n"
          + " Trainable params: 65 (260.00 B)\n"
          + " Non-trainable params: 0 (0.00 B)\n"
          + " Optimizer params: 132 (532.00 B)\n"), m.summary());
    }
  }

  @Test
  void javaWritesBackTheDatasetsItRead() throws IOException {
    Path out = tmp.resolve("rt.keras");
    try (Sequential m = KerasModelFile.load(Fixtures.path("xor.keras"))) {
      KerasModelFile.save(out, m);
    }
    List<double[]> a = rawOptimizerVars(entry(Fixtures.path("xor.keras"), "model.weights.h5"));
    List<double[]> b = rawOptimizerVars(entry(out, "model.weights.h5"));
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i), b.get(i), 0.0, "optimizer/vars/" + i);
    }
  }

  @Test
  void weightsFileRestoresStateIntoACompiledModel() throws IOException {
    try (Sequential m = Fixtures.tutorialModel(16)) {
      m.compile("mean_squared_error", "adam", List.of("binary_accuracy"));
      KerasWeightsFile.load(Fixtures.path("xor.weights.h5"), m);
      assertEquals(50L, ((LongNdArray) m.getOptimizerVariables().get(0)).getLong());
    }
  }

  @Test
  void compiledNeverTrainedWritesIterationAndLearningRateOnly() throws IOException {
    // As Keras: an optimizer that was never built has two variables.
    Path file = tmp.resolve("untrained.weights.h5");
    try (Sequential m = Fixtures.tutorialModel(4)) {
      m.compile(Loss.MEAN_SQUARED_ERROR, new SGD(0.05), List.of());
      assertFalse(m.isOptimizerBuilt());
      KerasWeightsFile.save(file, m);
    }
    List<double[]> raw = rawOptimizerVars(Files.readAllBytes(file));
    assertEquals(2, raw.size());
    assertArrayEquals(new double[] {0}, raw.get(0));
    assertArrayEquals(new double[] {0.05f}, raw.get(1));
    try (Sequential m = Fixtures.tutorialModel(4)) {
      m.compile(Loss.MEAN_SQUARED_ERROR, new SGD(0.05), List.of());
      KerasWeightsFile.load(file, m); // skipped, as Keras skips an unbuilt optimizer's store
      assertFalse(m.isOptimizerBuilt());
    }
  }

  @Test
  void rejectsAStoreOfAnotherOptimizerBeforeNativeWork() {
    try (Sequential m = Fixtures.tutorialModel(16)) {
      m.compile(Loss.MEAN_SQUARED_ERROR, new SGD(0.01, 0.9, false), List.of());
      KerasFileException e = assertThrows(KerasFileException.class,
          () -> KerasWeightsFile.load(Fixtures.path("xor.weights.h5"), m));
      assertEquals("xor.weights.h5: optimizer/vars has 10 variables; the compiled sgd on this"
          + " model has 6 (iteration, learning_rate, dense_kernel_momentum, dense_bias_momentum,"
          + " dense_1_kernel_momentum, dense_1_bias_momentum)", e.getMessage());
      assertFalse(m.isOptimizerBuilt(), "no train step built");
    }
  }

  @Test
  void rejectsASlotOfTheWrongShapeOrDtype() throws IOException {
    try (Sequential m = Fixtures.tutorialModel(3)) {
      m.compile(Loss.MEAN_SQUARED_ERROR, new Adam(), List.of());
      List<NdArray<?>> vars = new ArrayList<>();
      vars.add(NdArrays.scalarOf(4L));
      vars.add(NdArrays.scalarOf(0.001f));
      for (Shape s : m.weightShapes()) {
        vars.add(NdArrays.ofFloats(s));
        vars.add(NdArrays.ofFloats(s));
      }
      List<NdArray<?>> badShape = new ArrayList<>(vars);
      badShape.set(3, NdArrays.ofFloats(Shape.of(2, 4)));
      Path a = tmp.resolve("shape.weights.h5");
      KerasWeightsFile.write(a, List.of("dense", "dense_1"), m.getWeights(), "adam", badShape);
      KerasFileException e = assertThrows(KerasFileException.class,
          () -> KerasWeightsFile.load(a, m));
      assertEquals("shape.weights.h5: dataset optimizer/vars/3 (dense_kernel_velocity): expected"
          + " float32 [2, 3], found float32 [2, 4]", e.getMessage());
      List<NdArray<?>> badType = new ArrayList<>(vars);
      badType.set(0, NdArrays.scalarOf(4f));
      Path b = tmp.resolve("dtype.weights.h5");
      KerasWeightsFile.write(b, List.of("dense", "dense_1"), m.getWeights(), "adam", badType);
      e = assertThrows(KerasFileException.class, () -> KerasWeightsFile.load(b, m));
      assertEquals("dtype.weights.h5: dataset optimizer/vars/0 (iteration): expected int64 [],"
          + " found float32 []", e.getMessage());
      assertFalse(m.isOptimizerBuilt(), "no train step built");
    }
  }

  @Test
  void compileConfigRoundTripsSgdAndRmsprop() throws IOException {
    Path file = tmp.resolve("sgd.keras");
    try (Sequential m = Fixtures.tutorialModel(4)) {
      m.compile(Loss.BINARY_CROSSENTROPY, new SGD(0.05, 0.8, true), List.of());
      m.fit(Fixtures.XOR, Fixtures.TARGET, FitArgs.builder(3).verbose(0).shuffle(false).build());
      KerasModelFile.save(file, m);
      try (Sequential b = KerasModelFile.load(file)) {
        SGD sgd = (SGD) b.optimizer();
        assertEquals(0.05f, sgd.learningRate());
        assertEquals(0.8, sgd.momentum());
        assertTrue(sgd.nesterov());
        assertEquals(Loss.BINARY_CROSSENTROPY, b.loss());
        assertEquals(3L, ((LongNdArray) b.getOptimizerVariables().get(0)).getLong());
        List<NdArray<?>> x = m.getOptimizerVariables();
        List<NdArray<?>> y = b.getOptimizerVariables();
        for (int i = 0; i < x.size(); i++) {
          assertArrayEquals(flat(x.get(i)), flat(y.get(i)), 0.0, "variable " + i);
        }
      }
    }
    String json = new String(entry(file, "config.json"), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"class_name\":\"SGD\",\"config\":{\"name\":\"sgd\","
        + "\"learning_rate\":0.05000000074505806,"), json);
    assertTrue(json.contains("\"momentum\":0.8,\"nesterov\":true}"), json);
    Path rms = tmp.resolve("rms.keras");
    try (Sequential m = Fixtures.tutorialModel(4)) {
      m.compile(Loss.MEAN_SQUARED_ERROR, new RMSprop(0.002, 0.8, 1e-6), List.of());
      KerasModelFile.save(rms, m);
      try (Sequential b = KerasModelFile.load(rms)) {
        RMSprop r = (RMSprop) b.optimizer();
        assertEquals(0.002f, r.learningRate());
        assertEquals(0.8, r.rho());
        assertEquals(1e-6, r.epsilon());
      }
    }
    assertTrue(new String(entry(rms, "config.json"), StandardCharsets.UTF_8).contains(
        "\"name\":\"rm_sprop\""));
  }

  @Test
  void namesUnsupportedOptimizerOptions() throws IOException {
    Path good = tmp.resolve("good.keras");
    try (Sequential m = Fixtures.tutorialModel(4)) {
      m.compile("mean_squared_error", "adam", List.of());
      KerasModelFile.save(good, m);
    }
    String json = new String(entry(good, "config.json"), StandardCharsets.UTF_8);
    assertEquals("bad.keras!config.json: compile_config.optimizer.config.amsgrad: expected false"
            + " (not supported by the port), found true",
        loadWithConfig(good, json.replace("\"amsgrad\":false", "\"amsgrad\":true")));
    assertEquals("bad.keras!config.json: compile_config.optimizer: class_name 'Nadam' is not"
            + " supported; expected one of Adam, SGD, RMSprop",
        loadWithConfig(good, json.replace("\"class_name\":\"Adam\"", "\"class_name\":\"Nadam\"")));
    assertEquals("bad.keras!config.json: compile_config.optimizer.config.clipnorm: expected null"
            + " (not supported by the port), found 1.0",
        loadWithConfig(good, json.replace("\"clipnorm\":null", "\"clipnorm\":1.0")));
  }

  private String loadWithConfig(Path good, String config) throws IOException {
    Path bad = tmp.resolve("bad.keras");
    try (ZipFile in = new ZipFile(good.toFile());
        OutputStream os = Files.newOutputStream(bad);
        ZipOutputStream out = new ZipOutputStream(os)) {
      for (String name : List.of("metadata.json", "config.json", "model.weights.h5")) {
        out.putNextEntry(new ZipEntry(name));
        out.write(name.equals("config.json") ? config.getBytes(StandardCharsets.UTF_8)
            : in.getInputStream(in.getEntry(name)).readAllBytes());
        out.closeEntry();
      }
    }
    return assertThrows(KerasFileException.class, () -> KerasModelFile.load(bad)).getMessage();
  }
}
