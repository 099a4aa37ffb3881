package io.github.tfjavaxor.parity;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.tfjavaxor.datasets.DataException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON {@code python/xor_keras3.py --report} writes: the run's History (val_ keys too), the
 * shuffle orders it trained with, {@code evaluate} by name and the raw predictions. Float32 values
 * are written as Python floats, so they read back exactly; NaN and Infinity (a diverged run) are
 * accepted as Python writes them.
 *
 * @param log what Keras logged
 * @param orders {@code orders[e]} = the permutation of the training rows Keras used in epoch e,
 *     or null if it did not shuffle
 * @param trainRows rows left for training by the validation split
 * @param onednn {@code TF_ENABLE_ONEDNN_OPTS} as the Keras process saw it
 */
public record KerasReport(RunLog log, int[][] orders, int trainRows, String onednn) {
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  /**
   * Reads and checks a report.
   *
   * @param file the JSON report {@code python/xor_keras3.py} wrote
   * @param epochs the epochs the run was asked for
   * @return the report
   * @throws DataException naming the file and the field if a field is missing or inconsistent,
   *     or an order is not a permutation of the training rows
   */
  public static KerasReport read(Path file, int epochs) throws DataException {
    JsonNode r;
    try {
      r = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new DataException(file.toString(), "Keras report: cannot read: " + e.getMessage());
    }
    String f = file.toString();
    for (String k : new String[] {"history", "evaluate", "predictions", "train_rows"}) {
      if (r.path(k).isMissingNode()) {
        throw new DataException(f, "Keras report: field '" + k + "' is missing");
      }
    }
    Map<String, float[]> history = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = r.get("history").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      float[] v = floats(e.getValue());
      if (v.length != epochs) {
        throw new DataException(f, "Keras report: history '" + e.getKey() + "': expected "
            + epochs + " epochs, found " + v.length);
      }
      history.put(e.getKey(), v);
    }
    Map<String, Float> evaluate = new LinkedHashMap<>();
    r.get("evaluate").fields().forEachRemaining(e ->
        evaluate.put(e.getKey(), (float) e.getValue().asDouble()));
    JsonNode p = r.get("predictions");
    float[][] pred = new float[p.size()][];
    for (int i = 0; i < pred.length; i++) {
      pred[i] = floats(p.get(i));
    }
    int trainRows = r.get("train_rows").asInt();
    int[][] orders = r.path("orders").isArray() ? orders(r.get("orders")) : null;
    if (orders != null) {
      checkOrders(f, orders, epochs, trainRows);
    }
    return new KerasReport(new RunLog(history, evaluate, pred), orders, trainRows,
        r.path("onednn_opts").asText("(unknown)"));
  }

  /**
   * Checks that there are at least {@code epochs} orders, each a permutation of {@code 0 ..
   * rows-1}.
   *
   * @throws DataException naming the first bad order, what was expected and what was found
   */
  static void checkOrders(String file, int[][] orders, int epochs, int rows)
      throws DataException {
    if (orders.length < epochs) {
      throw new DataException(file, "Keras report: orders: expected one per epoch (" + epochs
          + "), found " + orders.length);
    }
    for (int e = 0; e < epochs; e++) {
      int[] sorted = orders[e].clone();
      Arrays.sort(sorted);
      boolean ok = sorted.length == rows;
      for (int i = 0; ok && i < rows; i++) {
        ok = sorted[i] == i;
      }
      if (!ok) {
        String shown = orders[e].length <= 32 ? Arrays.toString(orders[e])
            : orders[e].length + " values";
        throw new DataException(file, "Keras report: orders[" + e + "]: expected a permutation"
            + " of the " + rows + " training rows 0.." + (rows - 1) + ", found " + shown);
      }
    }
  }

  private static int[][] orders(JsonNode a) {
    int[][] o = new int[a.size()][];
    for (int e = 0; e < o.length; e++) {
      JsonNode row = a.get(e);
      o[e] = new int[row.size()];
      for (int i = 0; i < o[e].length; i++) {
        o[e][i] = row.get(i).asInt();
      }
    }
    return o;
  }

  private static float[] floats(JsonNode a) {
    float[] v = new float[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) a.get(i).asDouble();
    }
    return v;
  }
}
