package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.interop.tensorboard.EventFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.GraphDef;

/**
 * {@code train --tensorboard} and {@code tutorial --tensorboard} write the graph as Keras's
 * TensorBoard(write_graph=True) does, and TensorBoard's own reader ({@code event_accumulator}, from
 * the venv's tensorboard package, via python/tensorboard_graph.py) finds it with its name scopes.
 */
class TensorBoardGraphTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The model API's top-level scopes and ops: nothing else, the TensorBoard writer's not either.
   * {@code Init} is the NoOp that {@code Graph.toGraphDef} adds over the init-scope ops.
   */
  static final Set<String> MODEL_SCOPES = Set.of("x", "dense", "dense_1", "set_weights", "y",
      "compile_loss", "compile_metrics", "batch_logs", "gradients", "adam", "Init");

  @TempDir Path dir;

  @Test
  void trainWritesTheGraphWithItsScopes() throws Exception {
    Cli r = Cli.run("train", "--epochs", "3", "--verbose", "0", "--tensorboard", dir.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode read = read(dir.resolve("train"));
    assertTrue(read.get("graph").asBoolean(), read.toString());
    assertEquals(new TreeSet<>(MODEL_SCOPES), names(read.get("scopes")));
    assertEquals(List.of("adam/iteration", "adam/learning_rate", "adam/momentum", "adam/velocity",
        "dense/bias", "dense/kernel", "dense_1/bias", "dense_1/kernel"), list(read.get("variables")));
    // The event itself, as Keras's tf.summary.graph writes it: step 0, graph_def bytes.
    GraphDef g = graphEvent(dir.resolve("train"));
    Set<String> ops = new TreeSet<>();
    g.getNodeList().forEach(n -> ops.add(n.getName()));
    assertTrue(ops.containsAll(List.of("dense/MatMul", "dense/BiasAdd", "dense/Relu",
        "dense_1/MatMul", "dense_1/Add", "dense_1/Sigmoid", "gradients/dense_1/MatMul/MatMul_1",
        "gradients/dense/Relu/ReluGrad", "compile_loss/mean_squared_error/DivNoNan")), ops.toString());
    assertEquals(read.get("ops").asInt(), g.getNodeCount());
  }

  @Test
  void tutorialWritesTheSameLayersAndOptimizer() throws Exception {
    Path train = dir.resolve("train-run");
    assertEquals(0, Cli.run("train", "--epochs", "1", "--verbose", "0", "--tensorboard",
        train.toString()).code());
    Path tutorial = dir.resolve("tutorial-run");
    Cli r = Cli.run("tutorial", "--epochs", "2", "--verbose", "0", "--tensorboard", tutorial.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode t = read(tutorial.resolve("train"));
    JsonNode m = read(train.resolve("train"));
    assertTrue(t.get("graph").asBoolean(), t.toString());
    assertEquals(new TreeSet<>(Set.of("x", "y", "dense", "dense_1", "compile_loss", "gradients",
        "adam", "compile_metrics", "Init")), names(t.get("scopes")));
    // Built statement by statement, the layers and the optimizer are the model API's, op for op.
    for (String scope : List.of("dense", "dense_1", "adam")) {
      assertEquals(m.get("scopes").get(scope), t.get("scopes").get(scope), scope);
    }
    assertEquals(list(m.get("variables")), list(t.get("variables")));
  }

  private static JsonNode read(Path runDir) throws Exception {
    PythonVenv.Output o = PythonVenv.locate().runChecked("tensorboard_graph.py", runDir.toString());
    return JSON.readTree(o.stdout());
  }

  /** The graph_def of the one graph event under a run directory. */
  static GraphDef graphEvent(Path runDir) throws Exception {
    List<GraphDef> graphs = new ArrayList<>();
    for (Path f : EventFiles.find(runDir)) {
      for (Event e : EventFiles.read(f)) {
        if (!e.getGraphDef().isEmpty()) {
          assertEquals(0, e.getStep());
          graphs.add(GraphDef.parseFrom(e.getGraphDef()));
        }
      }
    }
    assertEquals(1, graphs.size(), "graph events under " + runDir);
    return graphs.get(0);
  }

  private static Set<String> names(JsonNode object) {
    Set<String> out = new TreeSet<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static List<String> list(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
