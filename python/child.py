"""Runs a python/ script as a child of tfjava-xor that ends when its parent does.

    TFJAVA_XOR_PARENT_PID=<pid> python child.py SCRIPT [ARGS...]

The Java side (PythonVenv) starts every script through this file, with its own pid in
TFJAVA_XOR_PARENT_PID. A daemon thread checks five times a second that this process's parent is
still that pid; once it is not (the JVM ended, even by SIGKILL, and the child was re-parented), the
child exits at once, so no Keras run outlives the command that started it. The script runs as
__main__ with sys.argv = [SCRIPT, ARGS...], as if started directly. Without the variable, no watch.
"""
import os
import runpy
import sys
import threading
import time


def _watch(parent):
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)  # nobody is left to read a status; skip the interpreter's shutdown


def main():
    parent = os.environ.get("TFJAVA_XOR_PARENT_PID")
    if parent:
        threading.Thread(target=_watch, args=(int(parent),), name="parent-watch", daemon=True).start()
    if len(sys.argv) < 2:
        sys.exit("usage: child.py SCRIPT [ARGS...]")
    sys.argv = sys.argv[1:]
    sys.path[0] = os.path.dirname(os.path.abspath(sys.argv[0]))
    runpy.run_path(sys.argv[0], run_name="__main__")


if __name__ == "__main__":
    main()
