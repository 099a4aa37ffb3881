"""What TensorBoard's own reader finds in a run directory: whether it holds a graph, and the graph's
ops counted by top-level name scope (dense, dense_1, gradients, adam, ...).

    python/run.sh tensorboard_graph.py LOG_DIR/train

Prints one JSON object: {"graph": true|false, "ops": N, "scopes": {"dense": 21, ...}, "variables":
[VariableV2 op names]}. Uses tensorboard.backend.event_processing.event_accumulator, the reader behind
TensorBoard's dashboards.
"""
import collections
import json
import sys

from tensorboard.backend.event_processing import event_accumulator


def main(run_dir):
    acc = event_accumulator.EventAccumulator(run_dir)
    acc.Reload()
    out = {"graph": bool(acc.Tags().get("graph")), "ops": 0, "scopes": {}}
    if out["graph"]:
        nodes = acc.Graph().node
        out["ops"] = len(nodes)
        out["scopes"] = dict(collections.Counter(n.name.split("/")[0] for n in nodes))
        out["variables"] = sorted(n.name for n in nodes if n.op == "VariableV2")
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: tensorboard_graph.py RUN_DIR")
    main(sys.argv[1])
