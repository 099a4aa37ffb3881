"""Executes the XOR notebooks headless with nbclient and saves the executed copies.

    python/.venv/bin/python notebooks-equivalent/run_notebooks.py [OUT_DIR] [NOTEBOOK ...]

OUT_DIR defaults to target/notebooks; the notebooks default to xor-java.ipynb and
xor-python.ipynb. Each runs in its own kernel (from its metadata: "java" is JJava, "python3" is
ipykernel) with the notebook's folder as working directory and TF_CPP_MIN_LOG_LEVEL=2. A cell
that raises stops the run: the script prints which notebook and cell failed and exits 1, and
still writes the partly executed notebook so the error can be read there. Prints one line per
notebook with its wall time.
"""
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError

HERE = Path(__file__).resolve().parent
DEFAULT_NOTEBOOKS = ["xor-java.ipynb", "xor-python.ipynb"]


def execute(path: Path, out_dir: Path) -> bool:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name=nb.metadata["kernelspec"]["name"],
        resources={"metadata": {"path": str(path.parent)}},
    )
    out = out_dir / path.name
    start = time.monotonic()
    ok = True
    try:
        client.execute()
    except (CellExecutionError, DeadKernelError) as e:
        ok = False
        print(f"run_notebooks: {path.name}: a cell failed:\n{e}", file=sys.stderr)
    finally:
        tmp = out.with_suffix(".ipynb.tmp")
        nbformat.write(nb, tmp)
        tmp.replace(out)
    status = "ok" if ok else "FAILED"
    print(f"{path.name}: {status} in {time.monotonic() - start:.1f} s -> {out}")
    return ok


def main(argv):
    out_dir = Path(argv[1]) if len(argv) > 1 else HERE.parent / "target" / "notebooks"
    names = argv[2:] or DEFAULT_NOTEBOOKS
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
    os.environ.setdefault("JJAVA_JVM_OPTS", "-Djava.awt.headless=true")
    out_dir.mkdir(parents=True, exist_ok=True)
    ok = True
    for name in names:
        path = (HERE / name) if not Path(name).is_absolute() else Path(name)
        if not path.is_file():
            print(f"run_notebooks: expected a notebook at {path}, found no such file", file=sys.stderr)
            return 2
        ok &= execute(path, out_dir)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
