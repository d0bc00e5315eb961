#!/usr/bin/python3
"""Stored tiles and OpenSlide's pixels, for checking PadoFs's tile codecs against OpenSlide.

  tile_codecs.py tiles SLIDE
      JSON: per tiled page (in file order, which is OpenSlide's level order for the slides used), its
      size, tile size, compression, photometric, samples, tile offsets and byte counts (row-major) and
      the JPEGTables bytes as base64 (null when absent), as tifffile reads them.
  tile_codecs.py level SLIDE LEVEL OUT
      Writes OUT: the H x W x 3 bytes of read_region((0, 0), LEVEL, level_dimensions[LEVEL]) with the
      alpha channel dropped; fails unless every pixel is opaque (then RGBA and RGB agree exactly).
      JSON: vendor, width, height.
  tile_codecs.py make-jpeg-tiff SOURCE OUT ycbcr|gray
      Writes OUT, a tiled TIFF of JPEG tiles from a region of SOURCE whose size is no multiple of the
      tile size, as libvips writes it: photometric YCbCr with chroma subsampling, or one gray sample.
  tile_codecs.py make-vips-pyramid SOURCE OUT
      Writes OUT, the JPEG pyramid `vips tiffsave --tile --pyramid --compression jpeg` makes of SOURCE loaded
      as a TIFF, so that every page keeps SOURCE's Aperio description: tifffile then takes page 1 for a
      thumbnail, OpenSlide reads every tiled page as a level, and the downsamples are not integers.
  tile_codecs.py make-aperio-33003 SOURCE OUT
      Writes OUT, a one-level Aperio SVS whose tiles are J2K codestreams of chroma-subsampled YCbCr
      components (TIFF compression 33003), each encoded by libvips, from a region of SOURCE.
"""

import base64
import json
import os
import struct
import subprocess
import sys
import tempfile

import numpy as np
import openslide
import tifffile
from PIL import Image


def tiles(path):
    pages = []
    with tifffile.TiffFile(path) as tif:
        for page in tif.pages:
            if not page.is_tiled:
                continue
            pages.append({
                "index": page.index,
                "width": page.imagewidth,
                "height": page.imagelength,
                "tile_width": page.tilewidth,
                "tile_height": page.tilelength,
                "compression": int(page.compression),
                "photometric": int(page.photometric),
                "samples": page.samplesperpixel,
                "offsets": [int(v) for v in page.dataoffsets],
                "byte_counts": [int(v) for v in page.databytecounts],
                "jpeg_tables": None if page.jpegtables is None else base64.b64encode(bytes(page.jpegtables)).decode(),
            })
    return pages


def level(path, level_index, out):
    slide = openslide.OpenSlide(path)
    width, height = slide.level_dimensions[level_index]
    rgba = np.asarray(slide.read_region((0, 0), level_index, (width, height)))
    if not (rgba[..., 3] == 255).all():
        raise SystemExit(f"{path} level {level_index}: {(rgba[..., 3] != 255).sum()} pixels are not opaque")
    with open(out, "wb") as stream:
        stream.write(np.ascontiguousarray(rgba[..., :3]).tobytes())
    return {"vendor": openslide.OpenSlide.detect_format(path), "width": width, "height": height}


def source_region(source, width, height):
    slide = openslide.OpenSlide(source)
    return np.asarray(slide.read_region((1000, 1500), 0, (width, height)).convert("RGB"))


def make_jpeg_tiff(source, out, colour):
    image = Image.fromarray(source_region(source, 700, 520))
    if colour == "gray":
        image = image.convert("L")
    elif colour != "ycbcr":
        raise SystemExit(f"unknown colour {colour}")
    with tempfile.TemporaryDirectory() as scratch:
        png = os.path.join(scratch, "source.png")
        image.save(png)
        subprocess.run(["vips", "tiffsave", png, out, "--tile", "--tile-width", "128", "--tile-height", "128",
                        "--compression", "jpeg", "--Q", "80"], check=True)
    return {"file": out}


def make_vips_pyramid(source, out):
    with tempfile.TemporaryDirectory() as scratch:
        loaded = os.path.join(scratch, "source.v")
        subprocess.run(["vips", "tiffload", source, loaded], check=True)
        subprocess.run(["vips", "tiffsave", loaded, out, "--tile", "--pyramid", "--compression", "jpeg"], check=True)
    return {"file": out}


def codestream(jp2):
    """The contiguous codestream box (jp2c) of a JP2 file, or the file itself when it is a bare codestream."""
    if jp2[:2] == b"\xff\x4f":
        return jp2
    position = 0
    while position + 8 <= len(jp2):
        length, kind = struct.unpack(">I4s", jp2[position:position + 8])
        header = 8
        if length == 1:
            length = struct.unpack(">Q", jp2[position + 8:position + 16])[0]
            header = 16
        elif length == 0:
            length = len(jp2) - position
        if kind == b"jp2c":
            return jp2[position + header:position + length]
        position += length
    raise SystemExit("no codestream box in the JPEG 2000 file libvips wrote")


def make_aperio_33003(source, out):
    tile = 256
    width, height = 700, 520
    across, down = -(-width // tile), -(-height // tile)
    padded = np.zeros((down * tile, across * tile, 3), dtype=np.uint8)
    padded[:height, :width] = source_region(source, width, height)
    encoded = []
    with tempfile.TemporaryDirectory() as scratch:
        png = os.path.join(scratch, "tile.png")
        j2k = os.path.join(scratch, "tile.j2k")
        for row in range(down):
            for col in range(across):
                Image.fromarray(padded[row * tile:(row + 1) * tile, col * tile:(col + 1) * tile]).save(png)
                subprocess.run(["vips", "jp2ksave", png, j2k, "--subsample-mode", "on", "--Q", "70",
                                "--tile-width", str(tile), "--tile-height", str(tile)], check=True)
                with open(j2k, "rb") as stream:
                    encoded.append(codestream(stream.read()))
    description = (f"Aperio Image Library v12.0.15 \r\n{width}x{height} [0,0 {width}x{height}] ({tile}x{tile}) "
                   "J2K/YUV16 Q=70|AppMag = 20|MPP = 0.4990")
    # tifffile writes pre-encoded tiles only under a compression it can encode itself, so the tiles go
    # out labelled Deflate and the tag is rewritten in place afterwards.
    tifffile.imwrite(out, iter(encoded), shape=(height, width, 3), dtype=np.uint8, tile=(tile, tile),
                     photometric="rgb", compression="zlib", description=description, metadata=None)
    with tifffile.TiffFile(out, mode="r+b") as tif:
        tif.pages[0].tags["Compression"].overwrite(33003)
    return {"file": out}


def main(argv):
    command = argv[1]
    if command == "tiles":
        result = tiles(argv[2])
    elif command == "level":
        result = level(argv[2], int(argv[3]), argv[4])
    elif command == "make-jpeg-tiff":
        result = make_jpeg_tiff(argv[2], argv[3], argv[4])
    elif command == "make-vips-pyramid":
        result = make_vips_pyramid(argv[2], argv[3])
    elif command == "make-aperio-33003":
        result = make_aperio_33003(argv[2], argv[3])
    else:
        raise SystemExit(f"unknown command {command}")
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
