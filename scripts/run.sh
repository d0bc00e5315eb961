#!/usr/bin/env bash
# Sets up the machine, builds padofs, makes the demo slide and mounts the demo config in the foreground
# (or mounts CONFIG when given). Ctrl+C unmounts.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
dotnet publish src/PadoFs.Cli --configuration Release --no-restore --verbosity quiet -nologo -o artifacts/padofs

config=${1:-}
if [ -z "$config" ]; then
  scripts/make-demo-slide.sh >/dev/null
  config=mount-configs/demo.json
  mnt=artifacts/demo/mnt
  mkdir -p "$mnt"
  cat >&2 <<HELP
Mounting the demo slide at $mnt/demo/generated-slide.zarr. In another terminal:
  zarr-python:  /usr/bin/python3 -c 'import zarr; g = zarr.open("$PWD/$mnt/demo/generated-slide.zarr", mode="r"); print(g.tree()); print(g["0"][:256, :256].mean())'
  napari:       napari --plugin napari-ome-zarr $PWD/$mnt/demo/generated-slide.zarr   (with "layout": "ome-ngff")
  QuPath:       File > Open... $PWD/$mnt/demo/generated-slide.zarr                        (with "layout": "ome-ngff")
  counters:     cat $PWD/$mnt/.padofs/stats.json
Ctrl+C unmounts.
HELP
fi

exec artifacts/padofs/padofs mount "$config"
