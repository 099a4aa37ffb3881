"""The Java port's S-seed workload: today's `tfjava-xor sweep` over seeds --seed .. --seed+S-1.

Runs the CLI (io.github.tfjavaxor.cli.TfjavaXor sweep, as ./tfjava-xor does, without its build
check) into a temporary --out with --jobs = --threads, on the tutorial's data and model (sweep's
defaults: XOR, 16 relu, sigmoid, MSE, Adam, batch 32). The set's wall time is the one sweep
prints ("N runs in X s"), which starts after the native library has loaded; the driver times the
process too. Only the XOR tutorial (--bits 2, --hidden 16, --batch 32) is a sweep default here.
"""
import argparse
import csv
import os
import re
import statistics
import subprocess
import sys
import tempfile

import common

p = argparse.ArgumentParser()
p.add_argument("--java", default="java")
p.add_argument("--classpath", required=True)
p.add_argument("--group", default="none", help="sweep --group: none (one graph per run), exact, batched")
own, rest = p.parse_known_args()
sys.argv[1:] = rest
a = common.options()
if (a.bits, a.hidden) != (2, 16):
    raise SystemExit("java_sweep: runs the tutorial's XOR model only (--bits 2 --hidden 16)")
sets, rows = [], []
for _ in range(a.inner):
    with tempfile.TemporaryDirectory() as out:
        cmd = [own.java, "-Djava.awt.headless=true", "-cp", own.classpath, "io.github.tfjavaxor.cli.TfjavaXor",
               "sweep", "--epochs", str(a.epochs), "--seeds", str(a.seeds), "--seed", str(a.seed),
               "--batch-size", str(a.batch), "--jobs", str(a.threads), "--group", own.group, "--out", os.path.join(out, "s")]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit(f"java_sweep: {' '.join(cmd[4:])} failed ({r.returncode}):\n{r.stderr[-3000:]}")
        m = re.search(r"^(\d+) runs in ([0-9.]+) s on", r.stdout, re.M)
        if not m or int(m.group(1)) != a.seeds:
            raise SystemExit(f"java_sweep: expected '{a.seeds} runs in X s' in sweep's output:\n{r.stdout}")
        sets.append(float(m.group(2)))
        with open(os.path.join(out, "s", "runs.csv")) as f:
            rows = list(csv.DictReader(f))
first = [int(r["first_epoch_100"]) for r in rows if int(r["first_epoch_100"]) > 0]
seeds = {"seeds": len(rows), "set_s": sets, "compile_s": None, "successes": len(first),
         "median_first_epoch": float(statistics.median(first)) if first else None,
         "median_final_loss": float(statistics.median(float(r["final_loss"]) for r in rows))}
r0 = next(r for r in rows if int(r["seed"]) == a.seed)
common.emit("java_sweep", [], [float(r0["final_loss"])], float(r0["final_loss"]), float(r0["final_accuracy"]),
            seeds_workload=seeds)
