"""Scaling sweep: how the per-epoch cost and peak memory of the Java port and of Keras 3 model.fit
(TensorFlow backend) grow with the data (n-bit parity, n = 2..16: 4..65,536 rows), the hidden width
(16..4096) and the batch size. Same processes as bench_peers.py (one per point and peer).

Prints a Markdown table and writes it to bench/results/scaling-CPU.md (bench_results.py), the numbers
to a JSON file and, with --plot, a log-log PNG (matplotlib, from the peers venv). Runs unchanged on a
GPU machine (pass MAVEN_ARGS=-Pgpu to bench/scaling); quote GPU figures only from such a run.
"""
import argparse
import json
import math
import os
import subprocess
import sys

import bench_peers
import bench_report
import bench_results

AXES = {
    # axis: (values, fixed settings)
    "bits": ([2, 4, 6, 8, 10, 12, 14, 16], {"hidden": 16, "batch": 32}),
    "hidden": ([16, 64, 256, 1024, 4096], {"bits": 10, "batch": 1024}),
    "batch": ([8, 32, 128, 512, 4096], {"bits": 12, "hidden": 256}),
}
DEFAULTS = {"bits": 2, "hidden": 16, "batch": 32}


def epochs_for(bits, batch, budget_steps):
    steps = math.ceil(2 ** bits / min(batch, 2 ** bits))
    return max(5, min(100, budget_steps // steps))


def sweep(a):
    points = []
    for axis in a.axes.split(","):
        values, fixed = AXES[axis]
        for v in values:
            cfg = dict(DEFAULTS, **fixed, **{axis: v})
            run_args = argparse.Namespace(**dict(
                vars(a), **cfg, epochs=epochs_for(cfg["bits"], cfg["batch"], a.budget),
                warmup=0, seed=42))
            stats = bench_peers.measure(a.peers.split(","), run_args, log=lambda s: None)
            p = {"axis": axis, "value": v, **cfg, "epochs": run_args.epochs,
                 "stats": {k: {"epoch_median_s": s["epoch_median_s"],
                               "rss_peak_mib": s["rss_peak_mib"]} for k, s in stats.items()}}
            points.append(p)
            line = "  ".join(f"{k} {1e3 * s['epoch_median_s']:9.3f} ms {s['rss_peak_mib']:5.0f} MiB"
                             for k, s in p["stats"].items())
            print(f"{axis}={v:<5} rows={2 ** cfg['bits']:<6} hidden={cfg['hidden']:<5}"
                  f" batch={cfg['batch']:<5} epochs={run_args.epochs:<4} {line}", flush=True)
    return points


def table(points):
    rows = ["| axis | rows | hidden | batch | epochs | Java per-epoch | Keras per-epoch |"
            " Keras ÷ Java | Java peak RSS | Keras peak RSS |", "|---|---|---|---|---|---|---|---|---|---|"]
    for p in points:
        j, k = p["stats"]["java"], p["stats"]["keras"]
        rows.append(f"| {p['axis']} | {2 ** p['bits']} | {p['hidden']} | {p['batch']} | {p['epochs']} |"
                    f" {bench_report.fmt_t(j['epoch_median_s'])} | {bench_report.fmt_t(k['epoch_median_s'])} |"
                    f" {k['epoch_median_s'] / j['epoch_median_s']:.2f}× | {j['rss_peak_mib']:.0f} MiB |"
                    f" {k['rss_peak_mib']:.0f} MiB |")
    return "\n".join(rows)


def plot(points, png):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    axes = list(dict.fromkeys(p["axis"] for p in points))
    fig, ax = plt.subplots(2, len(axes), figsize=(4.2 * len(axes), 7), squeeze=False)
    xlabel = {"bits": "rows (2^N, N-bit parity)", "hidden": "hidden width", "batch": "batch size"}
    for c, axis in enumerate(axes):
        pts = [p for p in points if p["axis"] == axis]
        xs = [2 ** p["bits"] if axis == "bits" else p[axis] for p in pts]
        for peer, style in (("java", "o-"), ("keras", "s--")):
            ax[0][c].loglog(xs, [p["stats"][peer]["epoch_median_s"] for p in pts], style, label=peer)
            ax[1][c].loglog(xs, [p["stats"][peer]["rss_peak_mib"] for p in pts], style, label=peer)
        fixed = AXES[axis][1]
        ax[0][c].set_title(f"{axis} sweep ({', '.join(f'{k}={v}' for k, v in fixed.items())})",
                           fontsize=9)
        ax[0][c].set_ylabel("per-epoch median (s)")
        ax[1][c].set_ylabel("peak RSS (MiB)")
        ax[1][c].set_xlabel(xlabel[axis])
        for r in (0, 1):
            ax[r][c].grid(True, which="both", alpha=0.3)
            ax[r][c].legend()
    fig.tight_layout()
    fig.savefig(png, dpi=110)


def parser():
    p = bench_peers.parser()
    p.description = __doc__.split("\n")[0]
    p.set_defaults(peers="java,keras", repeats=1)
    p.add_argument("--axes", default="bits,hidden,batch")
    p.add_argument("--budget", type=int, default=400, help="≈ training steps per point and peer")
    p.add_argument("--plot", help="write the log-log PNG here (needs --plot-python with matplotlib)")
    p.add_argument("--plot-python", default=None)
    p.add_argument("--plot-from", help="only plot this JSON (run with a python that has matplotlib)")
    return p


def main():
    a = parser().parse_args()
    if a.plot_from:
        with open(a.plot_from) as f:
            plot(json.load(f)["points"], a.plot)
        return
    results = bench_results.results_dir(a.results, "bench/scaling")
    peers_venv = any(p in bench_peers.PEERS_VENV for p in a.peers.split(","))
    setup = bench_results.Setup(a.java, a.classpath, bench_results.java_env(), a.python,
                                a.peers_python if peers_venv else None)
    print(setup.machine)
    print(f"scaling sweep, {a.threads} intra-op thread(s), {os.cpu_count()} cores, load average"
          f" {os.getloadavg()[0]:.1f} at start")
    points = sweep(a)
    print()
    print(table(points))
    print(f"\nload average {os.getloadavg()[0]:.1f} at end")
    out = a.json or "target/scaling.json"
    with open(out, "w") as f:
        json.dump({"threads": a.threads, "points": points}, f, indent=1)
    if a.plot:
        subprocess.run([a.plot_python or sys.executable, __file__, "--classpath", "-",
                        "--plot-from", out, "--plot", a.plot], check=True)
        print(f"plot: {a.plot}")
    paths = bench_report.PATH_ARGS + ("plot", "plot_python", "plot_from")
    command = ["bench/scaling"] + bench_report.user_args(vars(a), vars(parser().parse_args([])), paths)
    body = f"{a.threads} intra-op thread(s), {a.repeats} round(s) per point and peer, medians:\n\n{table(points)}"
    bench_results.write(results, "scaling", "Scaling sweep", command, setup, body)


if __name__ == "__main__":
    main()
