"""Checks that every `name==version` line of a requirements file is installed at that version.

    python check_pins.py requirements.txt

Exit status 1 with one line per drifted or missing package on stderr; 0 and no output otherwise.
venv.sh runs it after creating python/.venv, so a missing dependency fails the build instead of
being skipped.
"""
import importlib.metadata as md
import sys


def problems(path):
    bad = []
    for line in open(path):
        line = line.split("#")[0].strip()
        if not line:
            continue
        name, _, version = line.partition("==")
        name = name.split("[")[0].strip()  # extras such as jax[cpu]
        try:
            found = md.version(name)
        except md.PackageNotFoundError:
            bad.append(f"{name}: expected {version or 'any version'}, found nothing installed")
            continue
        if version and found != version:
            bad.append(f"{name}: expected {version}, found {found}")
    return bad


if __name__ == "__main__":
    bad = problems(sys.argv[1])
    if bad:
        sys.exit("python/.venv does not match " + sys.argv[1] + ":\n  " + "\n  ".join(bad)
                 + "\n  rebuild it with python/venv.sh --force")
