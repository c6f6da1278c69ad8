#!/usr/bin/env bash
# Install time and site-packages size of the wheel, without and with the nlp extra (issue 11).
# Each install goes into a fresh venv with pip's cache off, so every dependency is downloaded and
# built as a user's first install is. Prints one line per install; pip itself is shown apart.
#   bash benchmarks/install_size.sh            # builds the wheel from this checkout first
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/vnplan-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 -m build --wheel --outdir "$work/dist" . >"$work/build.log" 2>&1 || { tail -20 "$work/build.log" >&2; exit 1; }
rm -rf build vnplan.egg-info
wheel=$(ls "$work"/dist/vnplan-*.whl)
for extra in "" "[nlp]"; do
  venv="$work/venv$RANDOM"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip >/dev/null 2>&1
  start=$(date +%s.%N)
  "$venv/bin/pip" install -q --no-cache-dir "$wheel$extra" >/dev/null
  end=$(date +%s.%N)
  site=$("$venv/bin/python" -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")
  printf 'vnplan%s: install %.1f s, site-packages %s MB (pip itself %s MB)\n' "$extra" \
    "$(echo "$end - $start" | bc)" "$(du -sm "$site" | cut -f1)" "$(du -sm "$site/pip" | cut -f1)"
done
