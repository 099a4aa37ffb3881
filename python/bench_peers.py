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
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def java_env():
    """The environment the launcher (./tfjava-xor) gives the JVM: its XLA_FLAGS unless the user set some."""
    with open(os.path.join(HERE, "..", "tfjava-xor")) as f:
        flags = re.search(r"^xla_flags_default='([^']*)'$", f.read(), re.M).group(1)
    return dict(os.environ, XLA_FLAGS=os.environ.get("XLA_FLAGS", flags))
PEERS = ["java", "java:jit-compile", "keras", "torch", "jax", "jax_scan",
         "java_sweep", "java_sweep:batched", "java_sweep:batched-jit", "jax_scan_loop", "jax_vmap"]
LABEL = {"java": "Java port, Sequential.fit (the train step scanned over many batches per session.run)",
         "java:per-epoch": "Java port, one session.run per epoch (an epoch callback)",
         "java:jit-compile": "Java port, jit_compile=True (the scan under XLA)",
         "java_sweep:batched": "Java port, `sweep --group batched`",
         "java_sweep:batched-jit": "Java port, `sweep --group batched --jit-compile true`", "java@gpu": "Java port, -Pgpu natives", "keras": "Keras 3 model.fit(verbose=0)",
         "tf_function": "tf.function loop (Python)", "torch": "PyTorch eager loop",
         "jax": "JAX jit epoch", "jax_scan": "JAX whole run as one lax.scan",
         "java_sweep": "Java port, `tfjava-xor sweep --seeds S` (exact groups, each run's own bits)", "jax_scan_loop": "JAX lax.scan run, once per seed",
         "jax_vmap": "JAX vmap of the lax.scan run over S seeds"}
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


def table(stats):
    """The tutorial: one run of 1000 epochs, per epoch."""
    stats = {p: s for p, s in stats.items() if "epoch_median_s" in s}
    j = stats.get("java")
    rows = ["| peer | per-epoch median | per-epoch p90 | end-to-end wall (median) | peak RSS |"
            " per-epoch ÷ Java | wall ÷ Java | final loss | eval acc | loss bits |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for peer, s in stats.items():
        r1 = s["epoch_median_s"] / j["epoch_median_s"] if j else float("nan")
        r2 = s["wall_median_s"] / j["wall_median_s"] if j else float("nan")
        rows.append(f"| {LABEL.get(peer, peer)} | {fmt_t(s['epoch_median_s'])} | {fmt_t(s['epoch_p90_s'])} |"
                    f" {s['wall_median_s']:.2f} s | {s['rss_peak_mib']:.0f} MiB | {r1:.2f}× |"
                    f" {r2:.2f}× | {s['last_run']['loss_last']:.4f} |"
                    f" {s['last_run']['eval_acc']:.2f} | {s['last_run'].get('loss_bits', '')} |")
    return "\n".join(rows)


def seeds_table(stats):
    """S seeds: runs per minute and wall time of the whole set, with sweep's summary numbers."""
    stats = {p: s for p, s in stats.items() if "set_median_s" in s}
    if not stats:
        return ""
    base = stats.get("java_sweep")
    rows = ["| peer | S | whole set after compiling (median) | runs/min | ÷ port's sweep | process start to exit"
            " (median) | compile | success | median epoch to 100% | median final loss |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for peer, s in stats.items():
        w = s["last_run"]["seeds_workload"]
        rpm = 60 * w["seeds"] / s["set_median_s"]
        ratio = rpm / (60 * base["last_run"]["seeds_workload"]["seeds"] / base["set_median_s"]) if base else float("nan")
        comp = f"{w['compile_s']:.2f} s" if w.get("compile_s") is not None else "—"
        epoch = f"{w['median_first_epoch']:.0f}" if w["median_first_epoch"] is not None else "—"
        rows.append(f"| {LABEL.get(peer, peer)} | {w['seeds']} | {fmt_t(s['set_median_s'])} | {rpm:,.0f} |"
                    f" {ratio:.1f}× | {s['wall_median_s']:.2f} s | {comp} | {w['successes']}/{w['seeds']} |"
                    f" {epoch} | {w['median_final_loss']:.4f} |")
    return "\n".join(rows)


def fmt_t(sec):
    if sec >= 10:
        return f"{sec:.2f} s"
    return f"{sec * 1e6:.0f} µs" if sec < 1e-2 else f"{sec * 1e3:.1f} ms"


def targets(workload, stats):
    """The targets a workload's table is read against (ratios from this run)."""
    checks = []

    def ratio(p, q):
        return stats[p]["epoch_median_s"] / stats[q]["epoch_median_s"]

    have = lambda *ps: all(p in stats and "epoch_median_s" in stats[p] for p in ps)  # noqa: E731
    if workload == "many":
        if have("java", "jax"):
            checks.append(("Sequential.fit ÷ JAX jit epoch <= 3", ratio("java", "jax"), ratio("java", "jax") <= 3))
        if have("java", "torch"):
            checks.append(("PyTorch eager ÷ Sequential.fit >= 5", ratio("torch", "java"), ratio("torch", "java") >= 5))
        if have("java:jit-compile", "jax"):
            r = ratio("java:jit-compile", "jax")
            checks.append(("jit_compile=True ÷ JAX jit epoch <= 1.2", r, r <= 1.2))
    if workload == "tutorial" and have("java:jit-compile", "jax_scan"):
        r = ratio("java:jit-compile", "jax_scan")
        checks.append(("jit_compile=True ÷ JAX lax.scan <= 1.5", r, r <= 1.5))
    if have("java", "java:jit-compile"):
        differ = stats["java"]["last_run"].get("loss_bits") != stats["java:jit-compile"]["last_run"].get("loss_bits")
        checks.append(("XLA ran: jit_compile=True's loss bits differ from the exact path's", float(differ), differ))
    if workload == "seeds":
        if "java_sweep:batched-jit" in stats and "jax_vmap" in stats:
            r = stats["java_sweep:batched-jit"]["set_median_s"] / stats["jax_vmap"]["set_median_s"]  # same S
            checks.append(("sweep --group batched --jit-compile true ÷ JAX vmap (set time, after compiling) <= 3",
                           r, r <= 3))
        if "java_sweep" in stats:
            w = stats["java_sweep"]["last_run"]["seeds_workload"]
            r = statistics.median(w["sweep_wall_s"]) / statistics.median(w["train_wall_s"])
            checks.append(("default sweep ÷ one train run, start to exit <= 1.6", r, r <= 1.6))
    return "\n".join(f"  {'MET   ' if ok else ('—     ' if ok is None else 'MISSED')}  {name}: {v:.2f}"
                     for name, v, ok in checks)


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
    p.add_argument("--classpath", required=True, help="Java class path (target/classes + deps)")
    p.add_argument("--gpu-classpath", help="class path of the -Pgpu build, for the peer java@gpu")
    p.add_argument("--java", default="java")
    p.add_argument("--python", default=sys.executable, help="python with TensorFlow/Keras")
    p.add_argument("--peers-python", default=os.path.join(HERE, ".venv-peers", "bin", "python"))
    p.add_argument("--json", help="also write the numbers here")
    return p


def main():
    a = parser().parse_args()
    peers = a.peers.split(",")
    custom = any(v is not None for v in (a.bits, a.batch, a.epochs))
    if custom:
        shape = dict(bits=a.bits or 2, batch=a.batch or 32, epochs=a.epochs or 1000)
        workloads = {"custom": dict(shape, title=f"{shape['bits']}-bit parity, batch {shape['batch']},"
                                                 f" {shape['epochs']} epochs")}
    else:
        workloads = {w: WORKLOADS[w] for w in a.workloads.split(",")}
    print(f"peer benchmark: Dense({a.hidden}, relu) -> Dense(1, sigmoid), MSE, Adam, {a.threads} intra-op"
          f" thread(s), {a.repeats} interleaved rounds after {a.warmup} warm-up; {os.cpu_count()} cores,"
          f" load average {os.getloadavg()[0]:.1f} at start")
    # The CPU, oneDNN and XLA settings of the Java peers, described once (device/CpuInfo.java).
    machine = subprocess.run([a.java, "-cp", a.classpath, "io.github.tfjavaxor.device.CpuInfo"],
                             capture_output=True, text=True, check=True, env=java_env()).stdout.strip()
    print(machine)
    results = {}
    for name, w in workloads.items():
        wl_peers = [p for p in peers if (p.split(":")[0] in SEEDS_PEERS) == (name == "seeds")]
        if not wl_peers:
            continue
        wa = argparse.Namespace(**dict(vars(a), bits=w["bits"], batch=w["batch"], epochs=w["epochs"]))
        print(f"\n{w['title']}:")
        stats = measure(wl_peers, wa)
        results[name] = stats
        if name == "seeds":
            print(f"\nS = {a.seeds} seeds ({a.sweep_seed}..{a.sweep_seed + a.seeds - 1}), {w['title']}:\n")
            print(seeds_table(stats))
        else:
            print(f"\n{w['title']} (per epoch; seed {a.seed}):\n")
            print(table(stats))
        t = targets(name, stats)
        if t:
            print("targets (ratios from this run):")
            print(t)
    print(f"\nload average {os.getloadavg()[0]:.1f} at end")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"args": vars(a), "machine": machine, "workloads": results}, f, indent=1)


if __name__ == "__main__":
    main()
