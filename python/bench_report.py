"""bench_peers.py's tables, targets and the Markdown report under bench/results/."""
import json
import os
import statistics

from bench_results import cpu_slug, results_dir, shown, write_atomic

# Options that name this machine's files: left out of the command and the JSON a report keeps.
PATH_ARGS = ("classpath", "gpu_classpath", "java", "python", "peers_python", "json", "results", "render")

LABEL = {"java": "Java port, Sequential.fit (the train step scanned over many batches per session.run)",
         "java:per-epoch": "Java port, one session.run per epoch (an epoch callback)",
         "java:jit-compile": "Java port, jit_compile=True (the scan under XLA)",
         "java_sweep:batched": "Java port, `sweep --group batched`",
         "java_sweep:batched-jit": "Java port, `sweep --group batched --jit-compile true`", "java@gpu": "Java port, -Pgpu natives", "keras": "Keras 3 model.fit(verbose=0)",
         "tf_function": "tf.function loop (Python)", "torch": "PyTorch eager loop",
         "jax": "JAX jit epoch", "jax_scan": "JAX whole run as one lax.scan",
         "java_sweep": "Java port, `tfjava-xor sweep --seeds S` (exact groups, each run's own bits)", "jax_scan_loop": "JAX lax.scan run, once per seed",
         "jax_vmap": "JAX vmap of the lax.scan run over S seeds"}

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
    if sec < 1e-5:
        return f"{sec * 1e6:.2f} µs"
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


def user_args(args, defaults, paths=PATH_ARGS):
    """The options that shaped the run (those not at their defaults, but for paths), as the command takes them."""
    return [v for k, d in defaults.items() if k not in paths and k in args and args[k] != d
            for v in ("--" + k.replace("_", "-"), str(args[k]))]


def render(data, markdown):
    """The report: the set-up, the machine and versions, each workload's table and targets."""
    a, load = data["args"], data.get("load")
    head = (f"peer benchmark: Dense({a['hidden']}, relu) -> Dense(1, sigmoid), MSE, Adam, {a['threads']}"
            f" intra-op thread(s), {a['repeats']} interleaved rounds after {a['warmup']} warm-up"
            + (f"; {data['cores']} cores, load average {load[0]:.1f} at start, {load[1]:.1f} at end"
               if load else ""))
    out = [head, data["machine"], data["versions"]]
    if markdown:
        out = ["- " + line for line in out]
    for name, stats in data["workloads"].items():
        title = data["titles"][name]
        if name == "seeds":
            seeds = a["seeds"]
            out += ["", f"S = {seeds} seeds ({a['sweep_seed']}..{a['sweep_seed'] + seeds - 1}), {title}:", "",
                    seeds_table(stats)]
        else:
            out += ["", f"{title} (per epoch; seed {a['seed']}):", "", table(stats)]
        t = targets(name, stats)
        if t:
            out += ["", "targets (ratios from this run):"] + (["```", t, "```"] if markdown else [t])
    return "\n".join(out)


def write_report(directory, data, text, defaults):
    """DIRECTORY/peers-CPU.md (peers-CPU-custom.md when options differ from the defaults): the report
    and the command that made it, and the JSON --render reads; 'none': no file."""
    directory = results_dir(directory, "bench_peers")
    if directory is None:
        return
    options = user_args(data["args"], defaults)
    # The newest run on this CPU; a run with other options (fewer peers, another shape) beside it.
    path = os.path.join(directory, f"peers-{cpu_slug(data['machine'])}{'-custom' if options else ''}.md")
    command = " ".join(["python/bench_peers.sh"] + options)
    write_atomic(path, f"# Peer benchmark, {data['date']}\n\n```\n{command}\n```\n\n{text}\n")
    write_atomic(path[:-3] + ".json",
                 json.dumps(dict(data, args={k: v for k, v in data["args"].items() if k not in PATH_ARGS}), indent=1))
    print(f"\nreport: {shown(path)}")
