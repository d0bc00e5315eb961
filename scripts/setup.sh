#!/usr/bin/env bash
# Installs what PadoFs needs to build, run and test on Debian 12, then restores NuGet packages.
# Idempotent: packages already present are not installed again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # runtime: the libraries PadoFs binds and the FUSE tools
  fuse3 libfuse3-3 libopenslide0 libturbojpeg0 libopenjp2-7 libzstd1 libwebp7
  # demo slide
  libvips-tools
  # tests: independent readers (Pillow reads the LZW TIFFs tifffile cannot without imagecodecs),
  # struct layout checks against the C headers
  python3-zarr python3-numcodecs python3-openslide python3-tifffile python3-dask python3-jsonschema python3-pil
  python3-fsspec python3-xarray python3-gdal
  # tests: zarr-python over HTTP (fsspec's HTTP filesystem), a WebDAV client that mounts, WebDAV's test suite
  python3-aiohttp davfs2 litmus
  # tests: DICOM whole-slide fixtures written and read by tools nobody here wrote
  python3-pydicom dcmtk
  libfuse3-dev libopenjp2-7-dev gcc
  # tests: WinFsp's struct layouts, measured by compiling its headers for Windows x64; the WinFsp stand-in DLL
  gcc-mingw-w64-x86-64
  # tests: the macOS and macFUSE struct layouts, measured by compiling for arm64 and x86_64 macOS
  clang-14
  # tests: the real padofs.exe under Wine (wine64 runs it, wine is the launcher and wineboot that make a prefix)
  wine64 wine
  # tests: peak memory and signals of every padofs run in the fuzz test (/usr/bin/time -v)
  time
  # tests: zarrita, the JavaScript zarr reader, runs on node; viv, the browser viewer, in headless Chromium
  nodejs chromium
  # tests: an HTTP server with byte ranges and ETags for slides read over http(s), run as the user on loopback
  nginx
)
# Debian's npm, unless the node installed already brings its own (as NodeSource's does)
command -v npm >/dev/null 2>&1 || packages+=(npm)

echo "setup: checking the Debian packages" >&2
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (https://dot.net); dotnet is not on PATH" >&2
  exit 1
fi

# The JavaScript readers the tests check against, exactly as package-lock.json pins them; again only when the lock
# changed since the last install.
oracles_js=tests/oracles-js
if [ ! -f "$oracles_js/node_modules/.package-lock.json" ] || [ "$oracles_js/package-lock.json" -nt "$oracles_js/node_modules/.package-lock.json" ]; then
  echo "setup: installing the JavaScript test readers (npm ci in $oracles_js)" >&2
  (cd "$oracles_js" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

# minimal, not quiet: a first restore downloads for minutes, and each project restored is a line of progress.
echo "setup: restoring NuGet packages (dotnet restore)" >&2
dotnet restore PadoFs.sln --verbosity minimal -nologo >&2
