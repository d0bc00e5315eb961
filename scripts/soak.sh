#!/usr/bin/env bash
# Soak test of a mount: 8 processes read random chunks of 4 slides (one large: the demo slide) with a 64 MiB
# cache for 60 s; every chunk is checked against openslide-python, and the daemon's RSS and open file
# descriptors are printed as sampled every 2 s. Exits non-zero on a wrong chunk or a read error.
#
#   scripts/soak.sh [SECONDS] [extra soak.py options, e.g. --readers 4 --cache 128MiB]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
scripts/setup.sh
dotnet publish src/PadoFs.Cli --configuration Release --no-restore --verbosity quiet -nologo -o artifacts/padofs
slides=../shared/slides
exec /usr/bin/python3 scripts/soak.py --padofs artifacts/padofs/padofs --seconds "$seconds" "$@" \
  "$slides/cmu-1-small-region.svs" "$slides/tcga-cr-7395.svs" "$slides/boxes.tiff" "$(scripts/make-demo-slide.sh)"
