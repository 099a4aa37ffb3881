package io.github.tfjavaxor.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.layers.Dense;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.ndarray.FloatNdArray;

/** The Keras-written fixtures made by python/make_fixtures.py, and what Keras computed from them. */
final class Fixtures {
  static final float[][] XOR = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  static final float[][] TARGET = {{0}, {1}, {1}, {0}};

  private Fixtures() {}

  static Path path(String name) {
    try {
      return Path.of(Fixtures.class.getResource(name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test fixture " + name, e);
    }
  }

  static JsonNode expected() throws IOException {
    return new ObjectMapper().readTree(path("xor.expected.json").toFile());
  }

  /** Keras's weight {@code i} from xor.expected.json as a flat float array. */
  static float[] expectedWeight(JsonNode expected, int i) {
    JsonNode w = expected.get("weights").get(i);
    return flatten(w);
  }

  static float[] flatten(JsonNode n) {
    java.util.List<Float> out = new java.util.ArrayList<>();
    collect(n, out);
    float[] f = new float[out.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = out.get(i);
    }
    return f;
  }

  private static void collect(JsonNode n, List<Float> out) {
    if (n.isArray()) {
      n.forEach(c -> collect(c, out));
    } else {
      out.add((float) n.asDouble());
    }
  }

  static float[] flatten(FloatNdArray a) {
    float[] f = new float[(int) a.size()];
    int[] i = {0};
    a.scalars().forEach(s -> f[i[0]++] = s.getFloat());
    return f;
  }

  static float[] flatten(float[][] a) {
    float[] f = new float[a.length * a[0].length];
    for (int i = 0; i < a.length; i++) {
      System.arraycopy(a[i], 0, f, i * a[0].length, a[0].length);
    }
    return f;
  }

  /**
   * What live Keras/TensorFlow predicts for the XOR inputs from a fixture on <em>this</em> machine
   * ({@code python/interop_check.py KIND PATH}). The committed {@code xor.expected.json}
   * predictions were computed on another CPU: TensorFlow picks its CPU kernels by instruction set
   * (AVX-512 here), and the 16-term dot product then rounds 1 ulp differently on some rows. Java
   * and Keras on one machine run the same kernels and agree exactly.
   */
  static float[] kerasPredictionsHere(String kind, Path path) throws IOException {
    String json = PythonVenv.locate().run("interop_check.py", kind, path.toString()).stdout();
    return flatten(new ObjectMapper().readTree(json).get("predictions"));
  }

  /** The committed predictions are another CPU's: within 2 ulp of this machine's (see above). */
  static void assertNearFixture(float[] fixture, float[] here) {
    for (int i = 0; i < fixture.length; i++) {
      float tol = 2 * Math.ulp(fixture[i]);
      org.junit.jupiter.api.Assertions.assertEquals(fixture[i], here[i], tol, "prediction " + i);
    }
  }

  /** The tutorial's 2-16-1 model, built in Java, silent. */
  static Sequential tutorialModel(int hidden) {
    Sequential m = new Sequential(42);
    m.add(new Dense(hidden, "relu", 2));
    m.add(new Dense(1, "sigmoid"));
    m.setProgressStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    return m;
  }
}
