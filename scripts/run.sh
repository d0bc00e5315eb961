#!/usr/bin/env bash
# Sets up the machine, builds padofs, makes a demo slide (or takes SLIDE) and inspects it.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
dotnet publish src/PadoFs.Cli --configuration Release --no-restore --verbosity quiet -nologo -o artifacts/padofs

slide=${1:-}
if [ -z "$slide" ]; then
  slide=$(scripts/make-demo-slide.sh)
fi

artifacts/padofs/padofs inspect "$slide"
