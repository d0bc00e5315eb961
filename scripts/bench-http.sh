#!/usr/bin/env bash
# Level 0 of a JPEG-tiled slide read whole with zarr-python three ways in one run, and the ratios:
#   - over HTTP from padofs serve (fsspec's HTTP filesystem), cold (fresh server) and warm;
#   - through the FUSE mount of the same config, cold (fresh mount) and warm;
#   - the same level exported as uncompressed zarr into /dev/shm (the in-RAM reference).
# Every read is checked against the copy's pixels.
#
#   scripts/bench-http.sh [SLIDE]     (default: cmu-1-small-region.svs, the largest JPEG slide of the shared slides)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
dotnet publish src/PadoFs.Cli --configuration Release --no-restore --verbosity quiet -nologo -o artifacts/padofs
padofs=artifacts/padofs/padofs
shared=${PADOFS_SHARED:-$(realpath ..)/shared}
slide=$(realpath "${1:-$shared/slides/cmu-1-small-region.svs}")

work=$(mktemp -d)
copy=$(mktemp -d /dev/shm/padofs-bench-XXXXXX)
daemon=
stop_daemon() {
  if [ -n "$daemon" ]; then
    kill -TERM "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null || true
    daemon=
  fi
  fusermount3 -uz "$work/mnt" 2>/dev/null || true
}
cleanup() {
  stop_daemon
  rm -rf "$work" "$copy"
}
trap cleanup EXIT

printf '{"images": [{"image_id": ["slide"], "urlpath": "%s"}], "http": {"listen": "http://127.0.0.1:0"}}\n' "$slide" > "$work/bench.json"

# start_daemon mount|serve: a fresh daemon on the config, cold; sets where to the slide's folder or URL.
start_daemon() {
  mkdir -p "$work/mnt"
  if [ "$1" = mount ]; then
    # Without the http section: the FUSE figures are the mount's alone.
    printf '{"images": [{"image_id": ["slide"], "urlpath": "%s"}]}\n' "$slide" > "$work/mount.json"
    "$padofs" mount "$work/mount.json" --mountpoint "$work/mnt" 2>"$work/daemon.log" &
  else
    "$padofs" serve "$work/bench.json" 2>"$work/daemon.log" &
  fi
  daemon=$!
  for _ in $(seq 400); do
    if [ "$1" = mount ] && grep -q " $work/mnt " /proc/mounts; then
      where=$work/mnt/slide.zarr
      return
    fi
    url=$(sed -n 's/.*over HTTP and WebDAV at \(http:[^ ]*\) .*/\1/p' "$work/daemon.log")
    if [ "$1" = serve ] && [ -n "$url" ]; then
      where=$url/slide.zarr
      return
    fi
    sleep 0.05
  done
  echo "bench: padofs $1 did not come up; its log:" >&2
  cat "$work/daemon.log" >&2
  exit 1
}

# read_twice WHERE LABEL: cold then warm whole-level reads, one JSON line.
read_twice() {
  /usr/bin/python3 - "$1" "$2" "$copy/slide.zarr" <<'PY'
import json, sys, time
import zarr
where, label, copy = sys.argv[1:4]
reference = zarr.open_group(copy, mode="r")["0"][:]
speeds = []
for _ in range(2):
    started = time.perf_counter()
    array = zarr.open_group(where, mode="r")["0"][:]
    speeds.append(array.nbytes / (time.perf_counter() - started) / 1e6)
    assert array.shape == reference.shape and (array == reference).all(), f"{label}: pixels differ from the copy's"
print(json.dumps({"label": label, "cold": speeds[0], "warm": speeds[1], "bytes": int(reference.nbytes)}))
PY
}

echo "bench: exporting an uncompressed copy to /dev/shm" >&2
"$padofs" export "$slide" "$copy/slide.zarr" 2>/dev/null

echo "bench: reading level 0 through the FUSE mount" >&2
start_daemon mount
fuse=$(read_twice "$where" fuse)
stop_daemon
echo "bench: reading level 0 over HTTP (padofs serve)" >&2
start_daemon serve
http=$(read_twice "$where" http)
stop_daemon
echo "bench: reading level 0 from the in-RAM copy" >&2
ram=$(read_twice "$copy/slide.zarr" ram)

/usr/bin/python3 - "$slide" "$fuse" "$http" "$ram" <<'PY'
import json, sys
slide = sys.argv[1]
fuse, http, ram = (json.loads(text) for text in sys.argv[2:5])
# The copy is in RAM already: its best read is the reference.
reference = max(ram["cold"], ram["warm"])
print(f"slide {slide}: level 0, {ram['bytes'] / 1e6:.1f} MB decoded, read whole with zarr-python")
print(f"  in-RAM copy (/dev/shm)   {reference:8.1f} MB/s  1.00")
for row in (fuse, http):
    name = {"fuse": "FUSE mount", "http": "HTTP (fsspec)"}[row["label"]]
    print(f"  {name + ' cold':24} {row['cold']:8.1f} MB/s  {row['cold'] / reference:.2f}")
    print(f"  {name + ' warm':24} {row['warm']:8.1f} MB/s  {row['warm'] / reference:.2f}")
print(f"  HTTP / FUSE: cold {http['cold'] / fuse['cold']:.2f}, warm {http['warm'] / fuse['warm']:.2f}")
PY
