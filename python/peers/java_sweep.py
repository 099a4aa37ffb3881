"""The Java port's S-seed workload: `tfjava-xor sweep` over seeds --seed .. --seed+S-1.

Runs the CLI (io.github.tfjavaxor.cli.TfjavaXor sweep, as ./tfjava-xor does, without its build
check) into a temporary --out with --jobs = --threads, on the tutorial's data and model (sweep's
defaults: XOR, 16 relu, sigmoid, MSE, Adam, batch 32). The set's time is what sweep prints: for
stacked groups the training time, after compiling (reported apart, as the JAX peers report their
jit); for --group none the whole set. Each round also times the sweep process and one `train`
process of the first seed from start to exit, so that the two can be compared. Only the XOR
tutorial (--bits 2, --hidden 16, --batch 32) is a sweep default here.
"""
import argparse
import csv
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

import common

JAVA_XLA_FLAGS = os.environ.get("XLA_FLAGS")  # bench_peers.py's java_env(), before common's for JAX

p = argparse.ArgumentParser()
p.add_argument("--java", default="java")
p.add_argument("--classpath", required=True)
p.add_argument("--group", default="exact", help="sweep --group: exact, batched, none; a suffix -jit adds --jit-compile true")
own, rest = p.parse_known_args()
sys.argv[1:] = rest
a = common.options()
JAVA_ENV = {k: v for k, v in os.environ.items() if k != "XLA_FLAGS"}
if JAVA_XLA_FLAGS is not None:
    JAVA_ENV["XLA_FLAGS"] = JAVA_XLA_FLAGS
if (a.bits, a.hidden) != (2, 16):
    raise SystemExit("java_sweep: runs the tutorial's XOR model only (--bits 2 --hidden 16)")
group, _, jit = own.group.partition("-")
sets, compiles, sweep_walls, train_walls, rows = [], [], [], [], []
java = [own.java, "-Djava.awt.headless=true", "-cp", own.classpath, "io.github.tfjavaxor.cli.TfjavaXor"]
for _ in range(a.inner):
    with tempfile.TemporaryDirectory() as out:
        cmd = java + ["sweep", "--epochs", str(a.epochs), "--seeds", str(a.seeds), "--seed", str(a.seed),
                      "--batch-size", str(a.batch), "--jobs", str(a.threads), "--group", group,
                      "--out", os.path.join(out, "s")] + (["--jit-compile", "true"] if jit else [])
        t0 = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True, env=JAVA_ENV)
        sweep_walls.append(time.perf_counter() - t0)
        if r.returncode != 0:
            raise SystemExit(f"java_sweep: {' '.join(cmd[5:])} failed ({r.returncode}):\n{r.stderr[-3000:]}")
        m = re.search(r"^(\d+) runs in ([0-9.]+) s on .*?(?:of which compiling ([0-9.]+) s and training ([0-9.]+) s)?;",
                      r.stdout, re.M)
        if not m or int(m.group(1)) != a.seeds:
            raise SystemExit(f"java_sweep: expected '{a.seeds} runs in X s' in sweep's output:\n{r.stdout}")
        sets.append(float(m.group(4) or m.group(2)))
        if m.group(3):
            compiles.append(float(m.group(3)))
        with open(os.path.join(out, "s", "runs.csv")) as f:
            rows = list(csv.DictReader(f))
    train = java + ["train", "--epochs", str(a.epochs), "--seed", str(a.seed), "--batch-size", str(a.batch),
                    "--verbose", "0"]
    t0 = time.perf_counter()
    subprocess.run(train, capture_output=True, check=True, env=JAVA_ENV)
    train_walls.append(time.perf_counter() - t0)
first = [int(r["first_epoch_100"]) for r in rows if int(r["first_epoch_100"]) > 0]
seeds = {"seeds": len(rows), "set_s": sets, "compile_s": statistics.median(compiles) if compiles else None,
         "sweep_wall_s": sweep_walls, "train_wall_s": train_walls, "successes": len(first),
         "median_first_epoch": float(statistics.median(first)) if first else None,
         "median_final_loss": float(statistics.median(float(r["final_loss"]) for r in rows))}
r0 = next(r for r in rows if int(r["seed"]) == a.seed)
common.emit("java_sweep", [], [float(r0["final_loss"])], float(r0["final_loss"]), float(r0["final_accuracy"]),
            seeds_workload=seeds)
