#!/usr/bin/env bash
# Makes a multi-level, JPEG-tiled pyramidal TIFF from a generated image with Debian's vips and
# prints its path on stdout; what it is doing goes to stderr. Reuses the slide when it exists already.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${DEMO_DIR:-artifacts/demo}
slide="$out/demo-slide.tiff"
if [ -s "$slide" ]; then
  echo "$slide"
  exit 0
fi

mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

width=12288 height=9216
echo "make-demo-slide: writing a $width x $height JPEG pyramid to $slide (once; under a minute)" >&2
# Three smooth patterns of different frequencies become the red, green and blue bands.
vips sines "$work/r.v" "$width" "$height" --hfreq 3 --vfreq 2
vips sines "$work/g.v" "$width" "$height" --hfreq 7 --vfreq 5
vips sines "$work/b.v" "$width" "$height" --hfreq 13 --vfreq 11
for band in r g b; do
  vips linear "$work/$band.v" "$work/$band-8.v" 110 128 --uchar
done
vips bandjoin "$work/r-8.v $work/g-8.v $work/b-8.v" "$work/rgb.v"
# vips reports its progress on stdout, which is this script's answer: send it to stderr.
vips tiffsave "$work/rgb.v" "$slide.partial" --tile --tile-width 256 --tile-height 256 \
  --pyramid --compression jpeg --Q 90 --vips-progress >&2
mv "$slide.partial" "$slide"
echo "$slide"
