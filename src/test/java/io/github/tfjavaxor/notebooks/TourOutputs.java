package io.github.tfjavaxor.notebooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.Xor;
import io.github.tfjavaxor.keras.utils.NumpyFormat;
import io.github.tfjavaxor.tutorial.XorTutorial;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the graph-tour cells (steps 12 to 16 of xor.cells) must print, from a model and tutorial
 * runs of this JVM: the op counts per scope of the model API's graph, the trained model's forward
 * pass, and the losses around the extra steps the tour takes (the tutorial is bit-identical to the
 * model API for seed 42).
 */
final class TourOutputs {
  private TourOutputs() {}

  /** Step 12's lines for the Java model's graph after fit: {@code scope: count}, then the total. */
  static String javaScopes() {
    try (Sequential m = Xor.model(42)) {
      // As the notebook's model before step 12: fit builds the train step inline and its scan,
      // evaluate and predict their scans.
      m.fit(Xor.X, Xor.Y, 1000, 32, 0);
      m.evaluate(Xor.X, Xor.Y, 32, 0);
      m.predict(Xor.X, 32, 0);
      Map<String, Integer> byScope = new TreeMap<>();
      m.graph().operations().forEachRemaining(op -> byScope.merge(
          op.name().contains("/") ? op.name().split("/")[0] : "(no scope)", 1, Integer::sum));
      StringBuilder sb = new StringBuilder();
      byScope.forEach((s, n) -> sb.append(s).append(": ").append(n).append('\n'));
      return sb.append("total: ").append(byScope.values().stream().mapToInt(i -> i).sum())
          .append('\n').toString();
    }
  }

  /** Checks the Java side's tour output (all of it in one string, or cell by cell joined). */
  static void checkJava(String out) {
    assertTrue(out.contains(javaScopes()), "step 12: expected\n" + javaScopes() + "in\n" + out);
    // 1002 epochs: the loss logged before update 1002 is the loss at the weights after 1001.
    XorTutorial.Run run = XorTutorial.run(42, 1002, 0, Xor.NULL_OUT);
    float[][] trained = XorTutorial.run(42, 1000, 0, Xor.NULL_OUT).predictions();
    assertTrue(out.contains("dense/Relu: 4 x 16\ndense_1/Sigmoid:\n" + NumpyFormat.format(trained)
        + "\n"), "step 13: the forward pass of the trained model\n" + out);
    assertWithin(out, "relative difference: (\\S+), within float32 rounding \\(< 1e-5\\): true\n", 1e-5);
    assertTrue(out.contains("step t = 1001\n"), out);
    assertWithin(out, "max \\|graph - hand\\| over the 16 weights: (\\S+), within float32 rounding"
        + " \\(< 1e-6\\): true\n", 1e-6);
    String loss = Float.toString(run.epochLoss()[1001]);
    assertTrue(out.contains("fetch(loss):                 loss " + loss + ", iteration 1001\n"
        + "fetch(loss) + addTarget(train): loss " + loss + ", the loss before the step: true\n"
        + "addTarget(train):            0 tensors back\n"
        + "fetch(loss):                 loss "), "step 16\n" + out);
    assertTrue(out.contains(", iteration 1003\n"), out);
  }

  /** Checks the Python side's tour cells (12 to 16). */
  static void checkPython(String scopes, String forward, String gradient, String adam, String feed) {
    // Keras numbers the model's scope (sequential_1) when an earlier model took "sequential".
    for (String s : new String[] {"adam", "compile_loss", "gradient_tape", "sequential(_\\d+)?"}) {
      assertTrue(Pattern.compile("(?m)^" + s + ": [1-9]\\d*$").matcher(scopes).find(), s + " in\n" + scopes);
    }
    assertTrue(scopes.matches("(?s).*\ntotal: \\d+\n"), scopes);
    assertTrue(forward.matches("(?s)dense/Relu: 4 x 16\ndense_1/Sigmoid:\n\\[\\[.*]]\n"), forward);
    assertWithin(gradient, "relative difference: (\\S+), within float32 rounding \\(< 1e-5\\): True\n", 1e-5);
    assertTrue(adam.startsWith("step t = 1001\n"), adam);
    assertWithin(adam, "max \\|graph - hand\\| over the 16 weights: (\\S+), within float32 rounding"
        + " \\(< 1e-6\\): True\n", 1e-6);
    assertTrue(feed.matches("(?s)fetch\\(loss\\): +loss \\S+, iteration 1001\n"
        + "fetch\\(loss\\) \\+ addTarget\\(train\\): loss \\S+, the loss before the step: True\n"
        + "addTarget\\(train\\): +None returned\nfetch\\(loss\\): +loss \\S+, iteration 1003\n"), feed);
  }

  private static void assertWithin(String out, String regex, double bound) {
    Matcher m = Pattern.compile(regex).matcher(out);
    assertTrue(m.find(), regex + " in\n" + out);
    double v = Double.parseDouble(m.group(1));
    assertTrue(v >= 0 && v < bound, m.group());
  }
}
