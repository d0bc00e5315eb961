#!/usr/bin/env bash
# Measures how long listing a mount of N records (default 2000) takes, all pointing at one small slide:
# records are trusted for listing, so no slide is opened. Prints the time and the slides opened (0), then
# the time `find` takes over the mount's folders, twice.
#
#   scripts/bench-listing.sh [SLIDE] [N]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
dotnet publish src/PadoFs.Cli --configuration Release --no-restore --verbosity quiet -nologo -o artifacts/padofs
slide=$(realpath "${1:-$(scripts/make-demo-slide.sh)}")
count=${2:-2000}

work=$(mktemp -d)
daemon=
cleanup() {
  [ -n "$daemon" ] && kill -TERM "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null
  fusermount3 -uz "$work/mnt" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/mnt"
/usr/bin/python3 - "$work" "$slide" "$count" <<'PY'
import json, sys
work, slide, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
images = [{"image_id": [f"case-{i // 10:04d}", f"slide-{i:05d}"], "urlpath": slide} for i in range(count)]
json.dump({"mountPoint": f"{work}/mnt", "images": images}, open(f"{work}/bench.json", "w"))
PY
artifacts/padofs/padofs mount "$work/bench.json" 2>"$work/daemon.log" &
daemon=$!
for _ in $(seq 100); do grep -q " $work/mnt " /proc/mounts && break; sleep 0.1; done

/usr/bin/python3 - "$work/mnt" "$count" <<'PY'
import json, os, sys, time
root, count = sys.argv[1], int(sys.argv[2])
started = time.perf_counter()
folders = [entry for entry in os.scandir(root) if entry.is_dir() and entry.name != ".padofs"]
slides = sum(len(os.listdir(folder.path)) for folder in folders)
took = time.perf_counter() - started
opened = json.load(open(os.path.join(root, ".padofs", "stats.json")))["slides"]["open"]
print(f"listed {slides} of {count} slide folders in {len(folders)} folders: {took * 1000:.1f} ms; slides opened: {opened}")
PY

# find over every folder of the mount, slide folders listed but not entered (entering one opens its slide); the
# second time the kernel answers from the listings it keeps.
for pass in first again; do
  started=$(date +%s%N)
  entries=$(find "$work/mnt" -name '*.zarr' -print -prune -o -print | wc -l)
  echo "find ($pass): $entries entries (slide folders not entered) in $(( ($(date +%s%N) - started) / 1000000 )) ms"
done
