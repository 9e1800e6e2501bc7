#!/usr/bin/env bash
# Re-lock constraints.txt: install pressgen[dev] into a scratch venv with the newest
# releases its ranges allow, then write the exact versions. Run the tests after: some
# assert Babel's and polars' current outputs on purpose (tests/formatting).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install -q -e '.[dev]'
{
  echo "# Exact versions CI and the README's commands install (pip -c constraints.txt)."
  echo "# Update: see 'Updating the lock' in README.md (scripts/update-constraints.sh)."
  "$scratch/venv/bin/pip" freeze --exclude-editable | grep -v '^pressgen'
} > constraints.txt.new
mv constraints.txt.new constraints.txt
echo "constraints.txt: $(grep -vc '^#' constraints.txt) packages locked"
