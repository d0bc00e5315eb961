#!/usr/bin/env bash
# Sets up the machine, builds padofs, makes the demo slide and mounts the demo config in the foreground
# (or mounts CONFIG when given). Ctrl+C unmounts. Every step says what it does before it starts, since on a
# fresh machine the first ones take minutes.
#
#   scripts/run.sh [CONFIG]
#   PADOFS__LAYOUT=ome-ngff scripts/run.sh     # the demo in the layout napari-ome-zarr and QuPath read
set -euo pipefail
cd "$(dirname "$0")/.."

step() { echo "run: $*" >&2; }

step "[1/4] setting up the machine (scripts/setup.sh; minutes on a fresh one)"
scripts/setup.sh
step "[2/4] building padofs (dotnet publish, about a minute the first time)"
dotnet publish src/PadoFs.Cli --configuration Release --no-restore --verbosity minimal -nologo -o artifacts/padofs >&2

config=${1:-}
if [ -z "$config" ]; then
  step "[3/4] making the demo slide (scripts/make-demo-slide.sh)"
  scripts/make-demo-slide.sh >/dev/null
  config=mount-configs/demo.json
  mnt=artifacts/demo/mnt
  slide=$PWD/$mnt/demo/generated-slide.zarr
  mkdir -p "$mnt"
  layout=${PADOFS__LAYOUT:-pado}
  case "$layout" in
    pado)
      # (y, x, samples) arrays: what zarr-python and dask read as pado does; napari-ome-zarr and QuPath need ome-ngff.
      first_tile='g["0"][:256, :256]'
      viewers="  napari, QuPath: they read the ome-ngff layout; restart the demo with: PADOFS__LAYOUT=ome-ngff scripts/run.sh"
      ;;
    *)
      first_tile='g["0"][:, :256, :256]'
      viewers="  napari:       napari --plugin napari-ome-zarr $slide
  QuPath:       drag $slide onto QuPath (or File > Open... $slide/.zattrs)"
      ;;
  esac
  step "[4/4] mounting the demo slide (layout $layout) at $mnt/demo/generated-slide.zarr"
  cat >&2 <<HELP
In another terminal:
  zarr-python:  /usr/bin/python3 -c 'import zarr; g = zarr.open("$slide", mode="r"); print(g.tree()); print($first_tile.mean())'
$viewers
  counters:     cat $PWD/$mnt/.padofs/stats.json
Ctrl+C unmounts.
HELP
else
  step "[3/4] mounting $config"
fi

exec artifacts/padofs/padofs mount "$config"
