#!/usr/bin/env bash
# python/.venv-peers (PyTorch, JAX, matplotlib; requirements-peers.txt); prints its python.
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/venv.sh" .venv-peers requirements-peers.txt
