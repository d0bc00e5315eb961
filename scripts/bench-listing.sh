#!/usr/bin/env bash
# Measures a mount of N records (default 10,000), all pado records of one small slide as `padofs record` prints
# them, in folders of 10: the time from starting `padofs mount` until the mount is there (and the CPU time the
# daemon took for it), then `find` over the folders the records make. Records are trusted for listing, so no slide
# is opened (the count is printed). `find` runs twice, the second time over the listings the mount kept.
# With --dataset the records are a pado dataset instead of a config: one <identifier>.image.parquet written as
# pado writes it (tests/oracles-js/write_pado_image_store.mjs), ImageIds such as ImageId('case-00001',
# 'slide-00012'), mounted with `padofs mount --dataset DIR`.
#
#   scripts/bench-listing.sh [--dataset] [SLIDE] [N]
set -euo pipefail
cd "$(dirname "$0")/.."

source=config
if [ "${1:-}" = --dataset ]; then
  source=dataset
  shift
fi

scripts/setup.sh
dotnet publish src/PadoFs.Cli --configuration Release --no-restore --verbosity quiet -nologo -o artifacts/padofs
slide=$(realpath "${1:-$(scripts/make-demo-slide.sh)}")
count=${2:-10000}

work=$(mktemp -d)
cleanup() {
  fusermount3 -uz "$work/mnt" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/mnt"
artifacts/padofs/padofs record "$slide" >"$work/record.json"
/usr/bin/python3 - "$work" "$count" artifacts/padofs/padofs "$source" <<'PY'
import json, os, signal, subprocess, sys, time
work, count, padofs, source = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
mnt = os.path.join(work, "mnt")
record = json.load(open(os.path.join(work, "record.json")))[0]

def mounted():
    with open("/proc/mounts") as mounts:
        return any(line.split()[1] == mnt for line in mounts)

def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def config_mount(records):
    images = [dict(record, image_id=[f"case-{i // 10:05d}", f"slide-{i:05d}"]) for i in range(records)]
    config = os.path.join(work, f"bench-{records}.json")
    json.dump({"mountPoint": mnt, "images": images}, open(config, "w"))
    return [padofs, "mount", config], f"{os.path.getsize(config) / 1e6:.1f} MB of config"

def dataset_mount(records):
    dataset = os.path.join(work, f"dataset-{records}")
    os.mkdir(dataset)
    rows = [dict(record, index=f"ImageId('case-{i // 10:05d}', 'slide-{i:05d}')") for i in range(records)]
    spec = os.path.join(work, f"spec-{records}.json")
    json.dump({"identifier": "images", "rows": rows}, open(spec, "w"))
    store = os.path.join(dataset, "images.image.parquet")
    subprocess.run(["node", "tests/oracles-js/write_pado_image_store.mjs", spec, store], check=True)
    return [padofs, "mount", "--dataset", dataset, "--mountpoint", mnt], f"{os.path.getsize(store) / 1e6:.1f} MB of image parquet"

def measure(records):
    command, size = (dataset_mount if source == "dataset" else config_mount)(records)
    log = os.path.join(work, "daemon.log")
    started = time.perf_counter()
    daemon = subprocess.Popen(command, stderr=open(log, "w"))
    try:
        while not mounted():
            if daemon.poll() is not None or time.perf_counter() - started > 120:
                sys.exit("padofs did not mount:\n" + open(log).read())
            time.sleep(0.005)
        took, cpu = time.perf_counter() - started, cpu_seconds(daemon.pid)
        # The folders the records make, not the slide folders inside them (entering one opens its slide); the
        # second time the listings are the ones the mount kept.
        listings = []
        for _ in range(2):
            listed = time.perf_counter()
            entries = subprocess.run(["find", mnt, "-maxdepth", "2"], check=True, capture_output=True).stdout.count(b"\n")
            listings.append(time.perf_counter() - listed)
        opened = json.load(open(os.path.join(mnt, ".padofs", "stats.json")))["slides"]["open"]
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=60)
    print(f"{records} records ({size}): mounted in {took:.2f} s from start "
          f"({cpu:.2f} s of daemon CPU); find over {entries} entries: {listings[0]:.2f} s, again {listings[1]:.2f} s; "
          f"slides opened: {opened}")
    return took, cpu

# One record is the reference: what starting the daemon and mounting costs by itself on this machine, now.
reference = measure(1)
took, cpu = measure(count)
print(f"{count} records vs 1: {took / reference[0]:.1f}x the time to mounted, {cpu / reference[1]:.1f}x the CPU")
PY

