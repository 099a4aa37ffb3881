package io.github.tfjavaxor.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.interop.PythonVenv;
import org.junit.jupiter.api.Test;

/**
 * {@code python/check_replay.py} against live Keras: the Keras side's fixed-order shuffle
 * ({@code python/replay.py}) is Keras's own {@code fit(shuffle=True)} with the same orders (its
 * {@code tf.random.shuffle} call patched to return them), identity orders give plain {@code
 * fit(shuffle=False)}, and one fit per epoch on pre-permuted rows gives the same numbers; all bit
 * for bit, val_ entries included. Fails, never skips, if the venv cannot be made.
 */
class LiveKerasReplayTest {
  @Test
  void replayIsKerasShuffleWithTheGivenOrders() throws Exception {
    PythonVenv.Output o = PythonVenv.locate().run("check_replay.py", "--epochs", "8",
        "--timing-epochs", "0");
    System.out.println(o.stderr());
    assertEquals(0, o.exitCode(), o.stderr());
    JsonNode r = new ObjectMapper().readTree(o.stdout());
    assertEquals(3, r.get("checks").size());
    for (JsonNode c : r.get("checks")) {
      String name = c.get("case").asText();
      for (String k : new String[] {"keras-shuffle", "identity", "per-epoch-fit",
          "shuffled_differs_from_unshuffled"}) {
        assertTrue(c.get(k).asBoolean(), name + ": " + k);
      }
      // ArrayDataAdapter asked for one permutation per epoch, one batch or several.
      assertEquals(8, c.get("keras_shuffle_calls").asInt(), name);
    }
    assertTrue(r.get("checks").get(1).get("keys").toString().contains("val_loss"));
  }
}
