#!/usr/bin/env bash
# Measures zarr-python reading level 0 of a JPEG-tiled slide through a PadoFs mount, cold (fresh mount)
# and warm (read again), next to the same level read from an uncompressed zarr copy in /dev/shm, all in
# one run. Prints MB/s and the ratios to the copy.
#
#   scripts/bench-mount.sh [SLIDE]     (default: the demo slide, made if missing)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
dotnet publish src/PadoFs.Cli --configuration Release --no-restore --verbosity quiet -nologo -o artifacts/padofs
padofs=artifacts/padofs/padofs
slide=$(realpath "${1:-$(scripts/make-demo-slide.sh)}")

work=$(mktemp -d)
copy=$(mktemp -d /dev/shm/padofs-bench-XXXXXX)
daemon=
cleanup() {
  [ -n "$daemon" ] && kill -TERM "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null
  fusermount3 -uz "$work/mnt" 2>/dev/null || true
  rm -rf "$work" "$copy"
}
trap cleanup EXIT

echo "bench: exporting an uncompressed copy to /dev/shm" >&2
"$padofs" export "$slide" "$copy/slide.zarr" 2>/dev/null

mkdir -p "$work/mnt"
printf '{"mountPoint": "%s", "images": [{"image_id": ["slide"], "urlpath": "%s"}]}\n' "$work/mnt" "$slide" > "$work/bench.json"
"$padofs" mount "$work/bench.json" 2>"$work/daemon.log" &
daemon=$!
for _ in $(seq 100); do grep -q " $work/mnt " /proc/mounts && break; sleep 0.1; done

/usr/bin/python3 - "$work/mnt/slide.zarr" "$copy/slide.zarr" <<'PY'
import sys, time, zarr, numpy as np

mounted, copy = sys.argv[1:3]

def read(path):
    started = time.perf_counter()
    array = zarr.open_group(path, mode="r")["0"][:]
    seconds = time.perf_counter() - started
    return array, array.nbytes / seconds / 1e6

reference, copy_speed = read(copy)
cold, cold_speed = read(mounted)
warm, warm_speed = read(mounted)
_, copy_again = read(copy)
copy_speed = max(copy_speed, copy_again)
assert (cold == reference).all() and (warm == reference).all(), "the mount's pixels differ from the copy's"
print(f"level 0: {reference.shape[1]} x {reference.shape[0]}, {reference.nbytes / 1e6:.0f} MB")
print(f"uncompressed zarr copy in /dev/shm: {copy_speed:8.1f} MB/s")
print(f"PadoFs mount, cold:                 {cold_speed:8.1f} MB/s  ({cold_speed / copy_speed:.2f} x the copy)")
print(f"PadoFs mount, warm:                 {warm_speed:8.1f} MB/s  ({warm_speed / copy_speed:.2f} x the copy)")
PY
