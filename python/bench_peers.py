"""Peer benchmark, all measured in one run, three workloads by default (--workloads):

- many: real data's shape, 12-bit parity (4,096 rows) in batches of 32, 128 steps per epoch, 10 epochs;
- tutorial: XOR, one batch of 4, 1000 epochs;
- seeds: S seeds of the tutorial: the port's `sweep`, JAX's scan called per seed, JAX's vmap of it.

The first two compare the Java port (Sequential.fit, and with jit_compile=True) with Keras 3
model.fit, a tf.function loop, PyTorch eager, a JAX jit epoch and JAX's whole run as one lax.scan,
on the same network, data, epochs and thread settings. --bits/--batch/--epochs run one workload of
that shape instead.

Each peer is a separate process (python/peers/*.py, or io.github.tfjavaxor.bench.PeerBench) that
prints its per-epoch wall times; this driver also times each process end to end (spawn to exit,
after one warm-up run per peer, so caches are warm) and reads its peak RSS from wait4's rusage.
Runs are interleaved (round r runs every peer once) so load changes hit all peers alike.

Use python/bench_peers.sh, which builds the Java side and the venvs, then calls this.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from bench_report import render, write_report
from bench_results import Setup, java_env, results_dir, versions

HERE = os.path.dirname(os.path.abspath(__file__))


PEERS = ["java", "java:jit-compile", "keras", "torch", "jax", "jax_scan",
         "java_sweep", "java_sweep:batched", "java_sweep:batched-jit", "jax_scan_loop", "jax_vmap"]
SCRIPT = {"keras": "keras_fit", "tf_function": "tf_function", "torch": "torch_eager", "jax": "jax_jit",
          "jax_scan": "jax_scan", "jax_scan_loop": "jax_scan", "jax_vmap": "jax_vmap", "java_sweep": "java_sweep"}
PEERS_VENV = ("torch", "jax", "jax_scan", "jax_scan_loop", "jax_vmap")
SEEDS_PEERS = ("java_sweep", "jax_scan_loop", "jax_vmap")  # the S-seed workload; the rest: per epoch
WORKLOADS = {
    "many": dict(bits=12, batch=32, epochs=10,
                 title="Real data's shape: 12-bit parity, 4,096 rows, batch 32 (128 steps per epoch), 10 epochs"),
    "tutorial": dict(bits=2, batch=32, epochs=1000,
                     title="The tutorial: XOR, 4 rows in one batch, 1000 epochs"),
    "seeds": dict(bits=2, batch=32, epochs=1000, title="S seeds of the tutorial"),
}


def command(peer, a):
    args = ["--epochs", a.epochs, "--bits", a.bits, "--hidden", a.hidden, "--batch", a.batch,
            "--threads", a.threads, "--seed", a.seed]
    args = [str(v) for v in args]
    if peer.startswith("java") and not peer.startswith("java_sweep"):  # java[@gpu][:<variant>], see PeerBench --variant
        variant = ["--variant", peer.split(":", 1)[1]] if ":" in peer else []
        cp = a.gpu_classpath if peer.startswith("java@gpu") else a.classpath
        if not cp:
            sys.exit("bench_peers: java@gpu needs --gpu-classpath (bench_peers.sh sets it)")
        return [a.java, "-cp", cp, "io.github.tfjavaxor.bench.PeerBench"] + args + variant
    if peer == "jax_scan":  # the tutorial only
        args += ["--seeds", "0", "--inner", str(a.inner)]
    elif peer in ("jax_scan_loop", "jax_vmap"):
        args += ["--seeds", str(a.seeds), "--inner", str(a.inner)]
    elif peer.startswith("java_sweep"):  # one sweep per process: the rounds repeat it
        if ":" in peer:  # java_sweep:<group>[-jit], sweep --group none|exact|batched [--jit-compile true]
            args += ["--group", peer.split(":", 1)[1]]
        args = [v if v != str(a.seed) else str(a.sweep_seed) for v in args]
        args += ["--seeds", str(a.seeds), "--inner", "1", "--java", a.java, "--classpath", a.classpath]
    if peer in ("jax_scan_loop", "jax_vmap"):
        args[args.index("--seed") + 1] = str(a.sweep_seed)
    py = a.peers_python if peer in PEERS_VENV else a.python
    return [py, os.path.join(HERE, "peers", SCRIPT[peer.split(":")[0]] + ".py")] + args


def run(peer, a):
    """One process: returns (result dict, wall seconds, peak RSS MiB)."""
    env = dict(java_env() if peer.startswith("java") else os.environ, TF_CPP_MIN_LOG_LEVEL="2",
               PYTHONHASHSEED="0")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(command(peer, a), stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        lines = [l for l in out.read().decode().splitlines() if l.startswith("{")]
        if p.returncode != 0 or not lines:
            sys.exit(f"bench_peers: {peer} failed ({p.returncode}):\n{err.read().decode()[-3000:]}")
    res = json.loads(lines[-1])
    # End to end is one training run: the port's extra fits, run only to time it warm, are not.
    return res, wall - res.get("extra_s", 0.0), usage.ru_maxrss / 1024.0


def pct(v, q):
    s = sorted(v)
    return s[max(0, min(len(s) - 1, -(-len(s) * q // 100) - 1))]


def measure(peers, a, log=print):
    """Warm-up, then a.repeats interleaved rounds. Returns {peer: stats}."""
    for peer in peers:
        for _ in range(a.warmup):
            log(f"  warm-up {peer}")
            run(peer, a)
    raw = {p: {"epochs": [], "sets": [], "walls": [], "rss": [], "runs": []} for p in peers}
    for r in range(a.repeats):
        for peer in peers:
            res, wall, rss = run(peer, a)
            sw = res.get("seeds_workload")
            what = (f"epoch median {1e3 * statistics.median(res['epoch_s']):.3f} ms" if not sw else
                    f"{sw['seeds']} seeds in {statistics.median(sw['set_s']):.3f} s")
            log(f"  round {r + 1}/{a.repeats} {peer}: wall {wall:.2f} s, {what}, rss {rss:.0f} MiB")
            d = raw[peer]
            d["epochs"] += res["epoch_s"] if peer.split(":")[0] not in SEEDS_PEERS else []
            d["sets"] += sw["set_s"] if sw else []
            d["walls"].append(wall)
            d["rss"].append(rss)
            d["runs"].append({k: v for k, v in res.items() if k != "epoch_s"})
    stats = {}
    for peer, d in raw.items():
        st = {"wall_median_s": statistics.median(d["walls"]), "walls_s": d["walls"],
              "rss_peak_mib": max(d["rss"]), "last_run": d["runs"][-1]}
        if d["epochs"]:
            st.update(epoch_median_s=statistics.median(d["epochs"]), epoch_p90_s=pct(d["epochs"], 90))
        if d["sets"]:
            st.update(set_median_s=statistics.median(d["sets"]), sets_s=d["sets"])
        stats[peer] = st
    return stats


def parser():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--peers", default=",".join(PEERS))
    p.add_argument("--workloads", default="many,tutorial,seeds",
                   help="among " + ",".join(WORKLOADS) + "; ignored when --bits, --batch or --epochs is given")
    p.add_argument("--epochs", type=int, default=None)
    p.add_argument("--bits", type=int, default=None)
    p.add_argument("--hidden", type=int, default=16)
    p.add_argument("--batch", type=int, default=None)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--seeds", type=int, default=50, help="S, for the sweep workload")
    p.add_argument("--sweep-seed", type=int, default=1, help="first seed of the S (sweep's default)")
    p.add_argument("--inner", type=int, default=3, help="timed calls per process of jax_scan, jax_vmap")
    p.add_argument("--classpath", default="", help="Java class path (target/classes + deps)")
    p.add_argument("--gpu-classpath", help="class path of the -Pgpu build, for the peer java@gpu")
    p.add_argument("--java", default="java")
    p.add_argument("--python", default=sys.executable, help="python with TensorFlow/Keras")
    p.add_argument("--peers-python", default=os.path.join(HERE, ".venv-peers", "bin", "python"))
    p.add_argument("--json", help="also write the numbers here")
    p.add_argument("--render", metavar="JSON", help="measure nothing: print and write the report of a --json file")
    p.add_argument("--results", default=os.path.join(HERE, "..", "bench", "results"),
                   help="directory for the Markdown report (peers-CPU.md); 'none': no report")
    return p


def main():
    a = parser().parse_args()
    results_dir(a.results, "bench_peers")  # a bad --results fails now, not after the measuring
    if a.render:
        try:
            with open(a.render) as f:
                data = json.load(f)
            data["workloads"], data["args"], data["machine"]
        except (OSError, ValueError, KeyError, TypeError) as e:
            sys.exit(f"bench_peers: --render {a.render}: expected a report's JSON (--json), found: {e!r}")
        data.setdefault("titles", {w: WORKLOADS[w]["title"] for w in data["workloads"]})
        if "versions" not in data:  # a --json file from before reports named them: today's
            data["versions"] = versions(a.java, a.python, a.peers_python)
    else:
        data = measure_all(a)
        if a.json:
            with open(a.json, "w") as f:
                json.dump(data, f, indent=1)
    print("\n" + render(data, markdown=False))
    write_report(a.results, data, render(data, markdown=True), vars(parser().parse_args([])))


def measure_all(a):
    """Every workload's peers, measured; the dict --json writes and --render reads."""
    peers = a.peers.split(",")
    if any(v is not None for v in (a.bits, a.batch, a.epochs)):
        shape = dict(bits=a.bits or 2, batch=a.batch or 32, epochs=a.epochs or 1000)
        workloads = {"custom": dict(shape, title=f"{shape['bits']}-bit parity, batch {shape['batch']},"
                                                 f" {shape['epochs']} epochs")}
    else:
        workloads = {w: WORKLOADS[w] for w in a.workloads.split(",")}
    setup = Setup(a.java, a.classpath, java_env(), a.python, a.peers_python)  # the Java peers' CPU
    print(setup.machine)
    results, titles = {}, {}
    for name, w in workloads.items():
        wl_peers = [p for p in peers if (p.split(":")[0] in SEEDS_PEERS) == (name == "seeds")]
        if not wl_peers:
            continue
        wa = argparse.Namespace(**dict(vars(a), bits=w["bits"], batch=w["batch"], epochs=w["epochs"]))
        print(f"\n{w['title']}:")
        results[name], titles[name] = measure(wl_peers, wa), w["title"]
    setup.finish()
    return {"date": setup.date, "args": vars(a), "machine": setup.machine, "versions": setup.versions,
            "cores": setup.cores, "load": setup.load, "titles": titles, "workloads": results}


if __name__ == "__main__":
    main()
