#!/bin/sh
# Print the path of a uv binary, installing the pinned version under .tools/ when none is on
# PATH. Uses only what a fresh machine has: python3 with pip, or python3's venv module.
set -eu
UV_VERSION="${UV_VERSION:-0.13.8}"
TOOLS="$(pwd)/.tools"

if command -v uv >/dev/null 2>&1; then
    command -v uv
    exit 0
fi
if [ -x "$TOOLS/uv/bin/uv" ]; then
    echo "$TOOLS/uv/bin/uv"
    exit 0
fi
mkdir -p "$TOOLS"
if python3 -m pip --version >/dev/null 2>&1; then
    python3 -m pip install --quiet --disable-pip-version-check --target "$TOOLS/uv" "uv==$UV_VERSION" >&2
elif python3 -m venv "$TOOLS/venv" >/dev/null 2>&1; then
    "$TOOLS/venv/bin/pip" install --quiet --disable-pip-version-check "uv==$UV_VERSION" >&2
    mkdir -p "$TOOLS/uv/bin" && ln -sf "$TOOLS/venv/bin/uv" "$TOOLS/uv/bin/uv"
else
    echo "error: neither pip nor venv works for python3; install one of them, e.g." >&2
    echo "       sudo apt-get install -y python3-pip   (or python3-venv)" >&2
    exit 1
fi
echo "$TOOLS/uv/bin/uv"
