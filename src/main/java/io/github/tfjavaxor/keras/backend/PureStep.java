package io.github.tfjavaxor.keras.backend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * One train step of a graph of ref variables, rewritten as a pure function of the variables'
 * values: the same nodes with the same names, types and attributes, except that each {@code
 * VariableV2} becomes a {@code Placeholder} (its value before the step) and each {@code Assign},
 * {@code AssignAdd} or {@code AssignSub} on it becomes {@code Identity}, {@code Add} or {@code Sub}
 * (its value after the step). Control inputs are dropped: the step already orders every update after
 * every gradient, so each read sees the pre-step value, which is what a pure function computes.
 *
 * <p>Keeping the nodes as built lets Grappler see the forward pass it sees in the per-epoch graph
 * (the fused {@code MatMul} chains of docs/framework-defects.md §5).
 */
final class PureStep {
  // Ops that change a ref in place other than the three assigns, or draw random numbers.
  private static final Pattern UNSUPPORTED =
      Pattern.compile(".*(Apply|Scatter|Resource|VarHandle|Random|Stateful).*|Variable|TemporaryVariable");

  /** The rewritten nodes, importable into an empty graph. */
  final GraphDef graphDef;
  /** Per variable read or written by the step, in graph order: the node holding its value after
   * the step (the variable's own name, now a placeholder, if the step leaves it unchanged). */
  final Map<String, String> newValues;
  /** The step's placeholders (x, y), in graph order. */
  final List<String> feeds;

  private PureStep(GraphDef graphDef, Map<String, String> newValues, List<String> feeds) {
    this.graphDef = graphDef;
    this.newValues = newValues;
    this.feeds = feeds;
  }

  /**
   * @param graph the model's graph
   * @param outputs node names the step must compute (the train op, the logs)
   * @return the pure step, or null if the step holds an op this rewrite does not model (a fused
   *     optimizer kernel, a variable assigned twice, a random op)
   */
  static PureStep of(GraphDef graph, List<String> outputs) {
    Map<String, NodeDef> byName = new HashMap<>();
    for (NodeDef n : graph.getNodeList()) {
      byName.put(n.getName(), n);
    }
    Set<String> needed = new HashSet<>();
    List<String> stack = new ArrayList<>(outputs);
    while (!stack.isEmpty()) {
      String name = stack.remove(stack.size() - 1);
      if (!needed.add(name)) {
        continue;
      }
      for (String input : byName.get(name).getInputList()) {
        stack.add(nodeName(input));
      }
    }
    GraphDef.Builder out = GraphDef.newBuilder().setVersions(graph.getVersions());
    List<String> variables = new ArrayList<>();
    List<String> feeds = new ArrayList<>();
    Map<String, String> assigned = new HashMap<>();
    for (NodeDef n : graph.getNodeList()) {
      if (!needed.contains(n.getName())) {
        continue;
      }
      String op = n.getOp();
      if (UNSUPPORTED.matcher(op).matches()) {
        return null;
      }
      NodeDef.Builder b = n.toBuilder().clearInput().clearDevice().removeAttr("_class");
      for (String input : n.getInputList()) {
        if (!input.startsWith("^")) {
          b.addInput(input);
        }
      }
      switch (op) {
        case "VariableV2":
          variables.add(n.getName());
          b.setOp("Placeholder").clearAttr()
              .putAttr("dtype", n.getAttrOrThrow("dtype"))
              .putAttr("shape", n.getAttrOrThrow("shape"));
          break;
        case "Placeholder":
          feeds.add(n.getName());
          break;
        case "Assign":
        case "AssignAdd":
        case "AssignSub":
          String variable = nodeName(n.getInput(0));
          if (!"VariableV2".equals(byName.get(variable).getOp())
              || assigned.put(variable, n.getName()) != null) {
            return null;
          }
          AttrValue type = n.getAttrOrThrow("T");
          b.clearAttr().putAttr("T", type);
          if (op.equals("Assign")) {
            b.setOp("Identity").clearInput().addInput(n.getInput(1));
          } else {
            b.setOp(op.equals("AssignAdd") ? "AddV2" : "Sub");
          }
          break;
        default:
          break;
      }
      out.addNode(b);
    }
    Map<String, String> newValues = new LinkedHashMap<>();
    for (String v : variables) {
      newValues.put(v, assigned.getOrDefault(v, v));
    }
    return new PureStep(out.build(), newValues, feeds);
  }

  private static String nodeName(String input) {
    String s = input.startsWith("^") ? input.substring(1) : input;
    int colon = s.indexOf(':');
    return colon < 0 ? s : s.substring(0, colon);
  }
}
