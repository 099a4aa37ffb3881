"""The reports the benchmark commands write under bench/results/, one file per command and CPU.

A report (NAME-CPU.md, the newest run on that CPU; git keeps the rest) is a title with the date, the
command as typed, the set-up (the CPU line as Java's device/CpuInfo prints it, with
TF_ENABLE_ONEDNN_OPTS and XLA_FLAGS; the versions; the cores and the load average at start and end)
and the table the command printed. Files are written to a .partial name, then renamed.
Standard library only: bench/* run it with the system's python3.
"""
import contextlib
import os
import re
import shlex
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "bench", "results")


def cpu_slug(machine):
    """The CPU part of a report's file name: 'CPU: AMD EPYC (family 25 ...); ...' -> 'amd-epyc'."""
    name = re.sub(r"\((R|TM|tm)\)", "", machine.replace("CPU:", ""))  # Intel(R) Xeon(R) ...
    return re.sub(r"[^a-z0-9]+", "-", name.split("(")[0].lower()).strip("-")


def java_env():
    """The environment the launcher (./tfjava-xor) gives the JVM: its XLA_FLAGS unless the user set some."""
    with open(os.path.join(ROOT, "tfjava-xor")) as f:
        flags = re.search(r"^xla_flags_default='([^']*)'$", f.read(), re.M).group(1)
    return dict(os.environ, XLA_FLAGS=os.environ.get("XLA_FLAGS", flags))


def machine(java, classpath, env=None):
    """The CPU, oneDNN and XLA settings a JVM with this environment sees (device/CpuInfo.java)."""
    return subprocess.run([java, "-cp", classpath, "io.github.tfjavaxor.device.CpuInfo"],
                          capture_output=True, text=True, check=True, env=env).stdout.strip()


def versions(java, python=None, peers_python=None):
    """The versions a table depends on, one line: TF Java and the JVM; Keras and TensorFlow with
    python; PyTorch and JAX with peers_python."""
    def ask(py, code):
        r = subprocess.run([py, "-c", code], capture_output=True, text=True)
        return r.stdout.strip() if r.returncode == 0 else "?"
    jvm = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()
    line = f"TF Java 1.1.0 (TensorFlow 2.18 natives) on {jvm[0] if jvm else 'java ?'}"
    if python:
        line += "; " + ask(python, "import keras, tensorflow as tf;"
                                   " print(f'Keras {keras.__version__}, TensorFlow {tf.__version__}')")
    if peers_python:
        line += "; " + ask(peers_python, "import torch, jax;"
                                         " print(f'PyTorch {torch.__version__}, JAX {jax.__version__}')")
    return line


def split_results(args, prog):
    """(--results's value or the default, the other arguments) of a command's arguments."""
    directory, rest, i = RESULTS, [], 0
    while i < len(args):
        if args[i] == "--results":
            if i + 1 == len(args):
                usage(prog, "--results needs a value: a directory, or 'none' for no report")
            directory, i = args[i + 1], i + 2
        elif args[i].startswith("--results="):
            directory, i = args[i].split("=", 1)[1], i + 1
        else:
            rest.append(args[i])
            i += 1
    return directory, rest


def results_dir(directory, prog):
    """--results DIR|none, checked before anything is measured: DIR (created if missing), or None."""
    if directory == "none":
        return None
    expected = f"--results {directory}: expected a directory to write the report in, found"
    if os.path.exists(directory) and not os.path.isdir(directory):
        usage(prog, f"{expected} a file")
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError as e:
        usage(prog, f"{expected}: {e.strerror} ({e.filename})")
    if not os.access(directory, os.W_OK | os.X_OK):
        usage(prog, f"{expected} one this user cannot write")
    return directory


def usage(prog, message):
    print(f"{prog}: {message}", file=sys.stderr)
    sys.exit(2)


def write_atomic(path, text):
    """PATH.partial, then renamed to PATH. SIGINT waits until the rename (Ctrl-C then exits with the
    file whole); any failure removes the .partial."""
    tmp = path + ".partial"
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(tmp)
        raise
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def shown(path):
    """A path as a report line names it: relative to here when it is under here."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


class Setup:
    """A run's set-up: taken before the measuring (date, load, CPU) and finished after it."""

    def __init__(self, java, classpath, env=None, python=None, peers_python=None):
        self.date = time.strftime("%Y-%m-%d %H:%M %Z")
        self.load = [os.getloadavg()[0]]
        self.cores = os.cpu_count()
        self.machine = machine(java, classpath, env)
        self.tools = (java, python, peers_python)
        self.versions = None

    def finish(self):
        """The load at end, then the versions (asked after it: importing TensorFlow loads the machine)."""
        self.load.append(os.getloadavg()[0])
        self.versions = versions(*self.tools)

    def lines(self):
        return [self.machine, self.versions,
                f"{self.cores} cores, load average {self.load[0]:.1f} at start, {self.load[1]:.1f} at end"]


def fenced(text):
    """Printed text as a report shows it, columns kept."""
    return "```\n" + text.rstrip("\n") + "\n```"


def write(directory, name, title, command, setup, body):
    """DIRECTORY/NAME-CPU.md (nothing when directory is None); prints its path. command: the words typed."""
    if directory is None:
        return None
    if setup.versions is None:
        setup.finish()
    path = os.path.join(directory, f"{name}-{cpu_slug(setup.machine)}.md")
    head = [f"# {title}, {setup.date}", "", "```", shlex.join(command), "```", ""]
    write_atomic(path, "\n".join(head + ["- " + line for line in setup.lines()] + ["", body.rstrip("\n")]) + "\n")
    print(f"\nreport: {shown(path)}")
    return path
