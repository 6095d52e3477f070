#!/usr/bin/env bash
# Build the standalone application from a wheel, in a virtual environment of its own.
#
#   bash packaging/build_app.sh dist/footprint_audit-*.whl [OUT_DIR]
#
# Writes OUT_DIR/footprint/ (default dist/app): the `footprint` program with Python, the
# checklists, the templates and every dependency beside it. Linux and macOS; the release
# workflow builds the Windows one with the same spec.
set -euo pipefail
wheel=$1
out=${2:-dist/app}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet "$wheel" "pyinstaller>=6.10,<7"
# PyInstaller's warnings about other systems' libraries are noise here: shown only on failure.
if ! (cd "$here" && "$work/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$OLDPWD/$out" --workpath "$work/build" footprint.spec) >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    exit 1
fi
echo "application: $out/footprint/footprint"
