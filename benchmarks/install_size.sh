#!/usr/bin/env bash
# What `pip install <wheel>` puts on a user's disk: builds triangulate's wheel from the checkout
# (make models must have run: the wheel carries the MiniLM files), installs it into fresh virtual
# environments with the newest pip, as a user would (dependencies resolved from pyproject.toml's
# ranges, .pyc files compiled), once plain and once per extra, and prints the size of each
# site-packages (du -sm, pip itself included: it is in every venv).
# Usage: benchmarks/install_size.sh [EXTRAS...]    (default: plain, parquet, ray, parquet+ray)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VARIANTS=("$@")
[ ${#VARIANTS[@]} -gt 0 ] || VARIANTS=(plain parquet ray parquet,ray)
BASE=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ "$(df -Pm /dev/shm | awk 'NR == 2 {print $4}')" -gt 6144 ]; then BASE=/dev/shm; fi
WORK=$(mktemp -d "$BASE/triangulate-install-size.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
quiet_pip() { "$@" 2> >(grep -v -e "is ignored: it is neither a file nor a" >&2); }

"$PYTHON" -m venv "$WORK/build"
quiet_pip "$WORK/build/bin/python" -m pip install --quiet --upgrade pip setuptools
quiet_pip "$WORK/build/bin/python" -m pip wheel --quiet --no-deps --wheel-dir "$WORK/dist" .
WHEEL=$(ls "$WORK"/dist/triangulate-*.whl)
echo "wheel: $(basename "$WHEEL"), $(du -m "$WHEEL" | cut -f1) MB"

for variant in "${VARIANTS[@]}"; do
    venv="$WORK/venv-${variant//,/-}"
    "$PYTHON" -m venv "$venv"
    quiet_pip "$venv/bin/python" -m pip install --quiet --upgrade pip
    extras=
    [ "$variant" = plain ] || extras="[$variant]"
    quiet_pip "$venv/bin/python" -m pip install --quiet "$WHEEL$extras"
    size=$(du -sm "$venv"/lib/python3*/site-packages | cut -f1)
    largest=$(du -sm "$venv"/lib/python3*/site-packages/* | sort -rn | head -4 \
        | awk '{n = split($2, p, "/"); printf "%s %s MB, ", p[n], $1}')
    echo "pip install triangulate$extras: site-packages ${size} MB (largest: ${largest%, })"
    rm -rf "$venv"
done
