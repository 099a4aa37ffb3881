"""Runs a benchmark's Java main on the launcher's class path, prints its output as it comes and, if it
exits 0, writes its report (bench_results.py); otherwise its exit code passes through, nothing written.

    bench_run.py NAME TITLE MAIN [JVM_OPTION...] -- [ARG...]

bench/NAME calls this with the user's arguments after --: --results DIR|none among them (default
bench/results) is this runner's, the rest go to MAIN. The report, NAME-CPU.md, shows the command as
bench/NAME ARG... and MAIN's output less its first line when that is the CPU line the set-up states.
BENCH_CLASSPATH, when set, is the class path instead of the launcher's build (the tests set it).
"""
import contextlib
import io
import os
import shlex
import signal
import subprocess
import sys

import bench_results

ROOT = bench_results.ROOT


def launcher_classpath():
    """target/classes and the CPU build's dependencies, built by the launcher if sources changed."""
    if os.environ.get("BENCH_CLASSPATH"):
        return os.environ["BENCH_CLASSPATH"]
    subprocess.run([os.path.join(ROOT, "tfjava-xor"), "--version"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(ROOT, "target", "classpath-cpu.txt")) as f:
        return f"{ROOT}/target/classes:{f.read().strip()}"


class Tee(io.TextIOBase):
    """Writes go to the stream and are kept."""

    def __init__(self, stream):
        self.stream, self.kept = stream, io.StringIO()

    def write(self, s):
        self.stream.write(s)
        self.stream.flush()
        return self.kept.write(s)


@contextlib.contextmanager
def interrupt_exits():
    """Ctrl-C: exit 130 without a traceback (nothing written: reports are written last)."""
    try:
        yield
    except KeyboardInterrupt:
        sys.exit(130)


def run(name, title, main, jvm, args):
    prog = "bench/" + name
    directory, args = bench_results.split_results(args, prog)
    directory = bench_results.results_dir(directory, prog)
    cp = launcher_classpath()
    env = dict(bench_results.java_env(), TF_CPP_MIN_LOG_LEVEL=os.environ.get("TF_CPP_MIN_LOG_LEVEL", "2"))
    setup = bench_results.Setup("java", cp, env)
    out = Tee(sys.stdout)
    p = subprocess.Popen(["java"] + jvm + ["-cp", cp, main] + args, stdout=subprocess.PIPE, env=env,
                         text=True, errors="replace")
    try:
        for line in p.stdout:
            out.write(line)
        code = p.wait()
    except KeyboardInterrupt:  # the terminal's Ctrl-C reached the JVM too; a lone SIGINT here is passed on
        with contextlib.suppress(ProcessLookupError):
            p.send_signal(signal.SIGINT)
        p.wait()
        raise
    if code != 0:
        sys.exit(code if code > 0 else 128 - code)
    lines = out.kept.getvalue().splitlines()
    body = "\n".join(lines[1:] if lines[:1] == [setup.machine] else lines)
    bench_results.write(directory, name, title, [prog] + args, setup, bench_results.fenced(body))


if __name__ == "__main__":
    if "--" not in sys.argv[4:] or len(sys.argv) < 5:
        bench_results.usage("bench_run.py", "usage: bench_run.py NAME TITLE MAIN [JVM_OPTION...] -- [ARG...]")
    sep = sys.argv.index("--", 4)
    with interrupt_exits():
        try:
            run(*sys.argv[1:4], sys.argv[4:sep], sys.argv[sep + 1:])
        except subprocess.CalledProcessError as e:  # the build or CpuInfo
            print(f"bench/{sys.argv[1]}: {shlex.join(e.cmd)} failed ({e.returncode}) {e.stderr or ''}",
                  file=sys.stderr)
            sys.exit(e.returncode if e.returncode > 0 else 1)
