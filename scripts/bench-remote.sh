#!/usr/bin/env bash
# Measures remote slides against the local file in the same run, and prints the figures and ratios: level 0 of a
# slide read whole with zarr-python through one fresh mount that serves it three ways, cold each: as a local file,
# from s3rver (S3 API) and from nginx (HTTP ranges), both on loopback. Also prints what the servers were asked for:
# requests per level-0 chunk and bytes fetched per byte of the file (from nginx's access log). Level 2 of each
# is read first, untimed, so that the daemon's warm-up is not charged to whichever source comes first.
#
#   scripts/bench-remote.sh [SLIDE]     (default: the demo slide, made if missing; a TIFF-based slide)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
dotnet build PadoFs.sln --configuration Release --no-restore --verbosity quiet -nologo
padofs=src/PadoFs.Cli/bin/Release/net10.0/padofs
slide=$(realpath "${1:-$(scripts/make-demo-slide.sh)}")
name=$(basename "$slide")

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  fusermount3 -uz "$work/mnt" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 200); do (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return; sleep 0.05; done; echo "bench: nothing listens on $1" >&2; exit 1; }

s3_port=$(free_port)
mkdir -p "$work/s3"
node tests/oracles-js/node_modules/s3rver/bin/s3rver.js --directory "$work/s3" --address 127.0.0.1 --port "$s3_port" \
  --silent --configure-bucket slides >/dev/null 2>&1 &
pids+=($!)
wait_port "$s3_port"
curl -sf -X PUT --data-binary "@$slide" "http://127.0.0.1:$s3_port/slides/$name" >/dev/null

http_port=$(free_port)
mkdir -p "$work/www" "$work/nginx"
ln -s "$slide" "$work/www/$name"
user=""
[ "$(id -u)" -eq 0 ] && user="user root;"
cat > "$work/nginx/nginx.conf" <<EOF
$user
worker_processes 1;
pid $work/nginx/nginx.pid;
events { worker_connections 128; }
http {
  log_format ranges '\$request \$status \$body_bytes_sent';
  access_log $work/nginx/access.log ranges;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  types { }
  default_type application/octet-stream;
  server { listen 127.0.0.1:$http_port; root $work/www; }
}
EOF
/usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" -g 'daemon off;' &
pids+=($!)
wait_port "$http_port"

mkdir -p "$work/mnt"
cat > "$work/bench.json" <<EOF
{"mountPoint": "$work/mnt", "images": [
  {"image_id": ["local"], "urlpath": "$slide"},
  {"image_id": ["s3"], "urlpath": "s3://slides/$name",
   "storage_options": {"key": "S3RVER", "secret": "S3RVER", "endpoint_url": "http://127.0.0.1:$s3_port/"}},
  {"image_id": ["http"], "urlpath": "http://127.0.0.1:$http_port/$name"}
]}
EOF
"$padofs" mount "$work/bench.json" 2>"$work/daemon.log" &
pids+=($!)
for _ in $(seq 200); do grep -q " $work/mnt " /proc/mounts && break; sleep 0.05; done
grep -q " $work/mnt " /proc/mounts || { echo "bench: the mount did not come up; its log:" >&2; cat "$work/daemon.log" >&2; exit 1; }

echo "bench: level 0 of $name ($(stat -c %s "$slide") bytes), read whole with zarr-python, each source cold" >&2
/usr/bin/python3 - "$work/mnt" "$work/nginx/access.log" "$(stat -c %s "$slide")" <<'EOF'
import sys, time
import zarr

mount, access_log, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
# The first read of a mount also pays for the daemon's warm-up: an upper level of each source takes that, untimed.
for source in ("local", "s3", "http"):
    zarr.open(f"{mount}/{source}.zarr/2", mode="r")[:]
seconds = {}
for source in ("local", "s3", "http"):
    level = zarr.open(f"{mount}/{source}.zarr/0", mode="r")
    start = time.perf_counter()
    level[:]
    seconds[source] = time.perf_counter() - start
    chunks = 1
    for extent, chunk in zip(level.shape, level.chunks):
        chunks *= -(-extent // chunk)
    print(f"{source:6} {seconds[source]:7.3f} s   {seconds[source] / seconds['local']:5.2f} x local   ({chunks} chunks of {level.chunks})")

requests, sent = 0, 0
with open(access_log) as log:
    for line in log:
        parts = line.split()
        if parts[0] == "GET":
            requests += 1
            sent += int(parts[-1])
print(f"http   {requests} GETs in all (open included): {requests / chunks:.3f} per level-0 chunk; {sent} bytes sent, {sent / size:.2f} x the file")
EOF
