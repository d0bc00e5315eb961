#!/usr/bin/env bash
# Measures a PadoFs mount against references measured in the same run, and prints the figures and ratios:
#   - level 0 of a JPEG-tiled slide read whole with zarr-python, cold (fresh mount) and warm, next to the same
#     level exported as uncompressed zarr into /dev/shm, and next to our decoder alone on one core, in process;
#   - viewer-like random 512 x 512 windows over all levels, cold, per-window p50/p99 through the mount next to
#     openslide-python's read_region in process;
#   - the share of prefetched decodes never read, for the whole-level read, random regions and the windows
#     (from .padofs/stats.json);
#   - the daemon's CPU and JIT time when the mount is up and after the first second of reading, published
#     ReadyToRun and not.
#
#   scripts/bench-mount.sh [SLIDE]     (default: the demo slide, made if missing)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
dotnet publish src/PadoFs.Cli --configuration Release --no-restore --verbosity quiet -nologo -o artifacts/padofs
dotnet publish src/PadoFs.Cli --configuration Release --no-restore --verbosity quiet -nologo -o artifacts/padofs-jit \
  -p:PublishReadyToRun=false
dotnet build benchmarks/PadoFs.Benchmarks --configuration Release --no-restore --verbosity quiet -nologo
padofs=artifacts/padofs/padofs
slide=$(realpath "${1:-$(scripts/make-demo-slide.sh)}")

work=$(mktemp -d)
copy=$(mktemp -d /dev/shm/padofs-bench-XXXXXX)
daemon=
unmount() {
  if [ -n "$daemon" ]; then
    kill -TERM "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null || true
    daemon=
  fi
  fusermount3 -uz "$work/mnt" 2>/dev/null || true
}
cleanup() {
  unmount
  rm -rf "$work" "$copy"
}
trap cleanup EXIT

# start_mount BINARY IMAGE_ID...: a fresh mount of the slide under each image id, cold.
start_mount() {
  local binary=$1
  shift
  local images=""
  for id in "$@"; do
    images="$images${images:+, }{\"image_id\": [\"$id\"], \"urlpath\": \"$slide\"}"
  done
  mkdir -p "$work/mnt"
  printf '{"mountPoint": "%s", "images": [%s]}\n' "$work/mnt" "$images" > "$work/bench.json"
  "$binary" mount "$work/bench.json" 2>"$work/daemon.log" &
  daemon=$!
  for _ in $(seq 200); do grep -q " $work/mnt " /proc/mounts && return; sleep 0.05; done
  echo "bench: the mount did not come up; its log:" >&2
  cat "$work/daemon.log" >&2
  exit 1
}

echo "bench: exporting an uncompressed copy to /dev/shm" >&2
"$padofs" export "$slide" "$copy/slide.zarr" 2>/dev/null

echo "bench: decoding level 0 on one core" >&2
decode=$(benchmarks/PadoFs.Benchmarks/bin/Release/net10.0/PadoFs.Benchmarks decode-rate "$slide" 0)

echo "bench: the first second of a fresh mount, without and with ReadyToRun" >&2
first_second() {
  start_mount "$1" slide
  /usr/bin/python3 - "$daemon" "$work/mnt/slide.zarr" "$2" <<'PY'
import json, os, sys, time
pid, root, label = int(sys.argv[1]), sys.argv[2], sys.argv[3]
tick = os.sysconf("SC_CLK_TCK")
def cpu():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick
at_mount = cpu()
zarray = json.load(open(f"{root}/0/.zarray"))
rows, columns = (-(-s // c) for s, c in zip(zarray["shape"][:2], zarray["chunks"][:2]))
suffix = ".0" if len(zarray["shape"]) == 3 else ""
started, read = time.perf_counter(), 0
for index in range(rows * columns):
    with open(f"{root}/0/{index // columns}.{index % columns}{suffix}", "rb") as chunk:
        chunk.read()
    read += 1
    if time.perf_counter() - started >= 1.0:
        break
used = cpu() - at_mount
jit = json.load(open(f"{os.path.dirname(root)}/.padofs/stats.json"))["jit"]
print(json.dumps({"label": label, "cpu_at_mount": at_mount, "cpu_first_second": used, "chunks_first_second": read,
                  "jit_methods": jit["compiled_methods"], "jit_seconds": jit["compile_seconds"]}))
PY
  unmount
}
jit=$(first_second artifacts/padofs-jit/padofs jit)
r2r=$(first_second "$padofs" r2r)

echo "bench: reading through the mount" >&2
start_mount "$padofs" slide regions windows
/usr/bin/python3 - "$work/mnt" "$copy/slide.zarr" "$slide" "$decode" "$jit" "$r2r" <<'PY'
import json, random, sys, time
import numpy as np, openslide, zarr

mount, copy, slide_path = sys.argv[1:4]
decode, jit, r2r = (json.loads(text) for text in sys.argv[4:7])
stats_path = f"{mount}/.padofs/stats.json"

def prefetch_counters():
    time.sleep(0.5)  # the workers finish what they started; what is left unread then is waste
    return json.load(open(stats_path))["prefetch"]

counters = prefetch_counters()

def waste():
    """Prefetched decodes since the last call, and the share of them not read."""
    global counters
    before, counters = counters, prefetch_counters()
    decoded = counters["decoded"] - before["decoded"]
    used = counters["used"] - before["used"]
    return decoded, (decoded - used) / decoded if decoded else 0.0

def read_level(path):
    started = time.perf_counter()
    array = zarr.open_group(path, mode="r")["0"][:]
    return array, array.nbytes / (time.perf_counter() - started) / 1e6

def percentile(values, p):
    return float(np.percentile(np.array(values) * 1000, p))

# Whole level 0: the copy, the mount cold, the mount warm.
reference, copy_speed = read_level(copy)
waste()
cold, cold_speed = read_level(f"{mount}/slide.zarr")
sequential_decoded, sequential_waste = waste()
warm, warm_speed = read_level(f"{mount}/slide.zarr")
copy_speed = max(copy_speed, read_level(copy)[1])
assert (cold == reference).all() and (warm == reference).all(), "the mount's pixels differ from the copy's"

# Random regions, 1024 to 3072 pixels a side, at levels 0 to 2.
group = zarr.open_group(f"{mount}/regions.zarr", mode="r")
generator = random.Random(14)
for _ in range(40):
    level = generator.randrange(min(3, len(group.attrs["multiscales"][0]["datasets"])))
    array = group[str(level)]
    height, width = (min(generator.randrange(1024, 3073), s) for s in array.shape[:2])
    y, x = generator.randrange(array.shape[0] - height + 1), generator.randrange(array.shape[1] - width + 1)
    array[y:y + height, x:x + width]
region_decoded, region_waste = waste()

# Viewer-like windows: a random level, a random 512 x 512 window in it, through the mount and through OpenSlide.
group = zarr.open_group(f"{mount}/windows.zarr", mode="r")
levels = len(group.attrs["multiscales"][0]["datasets"])
generator = random.Random(15)
windows = []
for _ in range(300):
    level = generator.randrange(levels)
    height, width = group[str(level)].shape[:2]
    size_y, size_x = min(512, height), min(512, width)
    windows.append((level, generator.randrange(height - size_y + 1), generator.randrange(width - size_x + 1), size_y, size_x))
mounted_ms = []
for level, y, x, size_y, size_x in windows:
    started = time.perf_counter()
    group[str(level)][y:y + size_y, x:x + size_x]
    mounted_ms.append(time.perf_counter() - started)
window_decoded, window_waste = waste()
slide = openslide.OpenSlide(slide_path)
openslide_ms = []
for level, y, x, size_y, size_x in windows:
    downsample = slide.level_downsamples[level]
    started = time.perf_counter()
    np.asarray(slide.read_region((int(x * downsample), int(y * downsample)), level, (size_x, size_y)))
    openslide_ms.append(time.perf_counter() - started)

print(f"level 0: {reference.shape[1]} x {reference.shape[0]}, {reference.nbytes / 1e6:.0f} MB")
print(f"uncompressed zarr copy in /dev/shm:  {copy_speed:8.1f} MB/s")
print(f"our decoder, one core, in process:   {decode['mb_per_s']:8.1f} MB/s")
print(f"PadoFs mount, cold:                  {cold_speed:8.1f} MB/s  ({cold_speed / copy_speed:.2f} x the copy, "
      f"{cold_speed / decode['mb_per_s']:.2f} x one core's decoding)")
print(f"PadoFs mount, warm:                  {warm_speed:8.1f} MB/s  ({warm_speed / copy_speed:.2f} x the copy)")
p50, p99 = percentile(mounted_ms, 50), percentile(mounted_ms, 99)
os50, os99 = percentile(openslide_ms, 50), percentile(openslide_ms, 99)
print(f"{len(windows)} random 512 x 512 windows over {levels} levels, cold:")
print(f"  PadoFs mount (zarr-python):        p50 {p50:7.1f} ms   p99 {p99:7.1f} ms")
print(f"  openslide-python read_region:      p50 {os50:7.1f} ms   p99 {os99:7.1f} ms")
print(f"  mount / openslide:                 p50 {p50 / os50:7.2f} x    p99 {p99 / os99:7.2f} x")
print("prefetched decodes never read:")
print(f"  whole level 0 in C order:          {sequential_waste * 100:5.1f} % of {sequential_decoded}")
print(f"  40 random regions, levels 0-2:     {region_waste * 100:5.1f} % of {region_decoded}")
print(f"  {len(windows)} viewer-like windows:         {window_waste * 100:5.1f} % of {window_decoded}")
print("daemon CPU, fresh mount (reading level 0 in C order chunk by chunk):")
for run, name in ((jit, "JIT only"), (r2r, "ReadyToRun")):
    print(f"  {name:11s} CPU at mount-up {run['cpu_at_mount']:.2f} s; first second: {run['cpu_first_second']:.2f} s CPU, "
          f"{run['chunks_first_second']} chunks; JIT since start: {run['jit_methods']} methods, {run['jit_seconds']:.2f} s")
PY
