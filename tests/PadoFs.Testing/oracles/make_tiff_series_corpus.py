#!/usr/bin/python3
"""Writes TIFFs whose metadata tifffile reads as shaped, ImageJ and PerkinElmer qptiff series, for checking PadoFs's
series against tifffile's.

usage: make_tiff_series_corpus.py OUTDIR

Each file is checked after writing: tifffile must flag it as its kind (is_shaped, is_imagej, is_qpi) and give series 0
of that kind, so that the corpus cannot silently become generic series. Prints the names of the files written, one a
line, then (to stderr) tifffile's series 0 of each: kind, axes, shape, dtype and level count.
  shaped-czyx-uint16.tif     tifffile's JSON description {"shape": [3, 5, 97, 131], "axes": "CZYX"}, Deflate tiles
  shaped-qqyx-uint16.tif     the same shape without axes (tifffile names them QQYX), uncompressed contiguous strips
  shaped-rgb-stack.tif       4 RGB pages described as one (4, 97, 131, 3) array, Deflate, 2 reduced levels in SubIFDs
  imagej-tzcyx-uint16.tif    an ImageJ hyperstack of 2 frames, 3 slices, 4 channels, uint16 (TZCYX)
  imagej-tzyx-float32.tif    an ImageJ hyperstack of 3 frames, 4 slices, float32 (TZYX)
  qptiff-cyx-uint8.qptiff    PerkinElmer-QPI: 4 named channel pages, a thumbnail, 2 reduced levels of 4 pages each, a
                             macro and a label, Deflate tiles, each page's ImageDescription the QPI XML
"""
import os
import sys

import numpy as np
import tifffile

from sample_pattern import pattern

SIZE = (97, 131)
QPTIFF_SIZE = (777, 1001)
QPTIFF_CHANNELS = [("DAPI", "0,0,255"), ("CD8", "0,255,0"), ("PanCK", "255,0,0"), ("Autofluorescence", "255,255,255")]


def shaped_czyx(path):
    tifffile.imwrite(path, pattern((3, 5) + SIZE, np.uint16, 1), photometric="minisblack", tile=(64, 64),
                     compression="zlib", metadata={"axes": "CZYX"})


def shaped_qqyx(path):
    tifffile.imwrite(path, pattern((3, 5) + SIZE, np.uint16, 2), photometric="minisblack")


def shaped_rgb_stack(path):
    with tifffile.TiffWriter(path) as tif:
        tif.write(pattern((4,) + SIZE + (3,), np.uint8, 3), photometric="rgb", compression="zlib", subifds=2)
        for seed, factor in ((4, 2), (5, 4)):
            level = (4, -(-SIZE[0] // factor), -(-SIZE[1] // factor), 3)
            tif.write(pattern(level, np.uint8, seed), photometric="rgb", compression="zlib", subfiletype=1)


def imagej_tzcyx(path):
    tifffile.imwrite(path, pattern((2, 3, 4) + SIZE, np.uint16, 6), imagej=True, metadata={"axes": "TZCYX"})


def imagej_tzyx(path):
    tifffile.imwrite(path, pattern((3, 4) + SIZE, np.float32, 7), imagej=True, metadata={"axes": "TZYX"})


def qpi_description(image_type, name=None, color=None):
    channel = f"<Name>{name}</Name><Color>{color}</Color><Biomarker>{name}</Biomarker>" if name else ""
    return ('<?xml version="1.0" encoding="utf-8"?>\r\n<PerkinElmer-QPI-ImageDescription>'
            f"<DescriptionVersion>2</DescriptionVersion><ImageType>{image_type}</ImageType>{channel}"
            "</PerkinElmer-QPI-ImageDescription>")


def qptiff(path):
    """The page order tifffile's _series_qpi reads: the channels at full resolution, a thumbnail, each reduced level's
    channels (sizes halved, rounded down), then the macro and the label."""
    software = "PerkinElmer-QPI"
    options = dict(software=software, metadata=None, compression="zlib")
    height, width = QPTIFF_SIZE
    with tifffile.TiffWriter(path) as tif:
        for level in range(3):
            for index, (name, color) in enumerate(QPTIFF_CHANNELS):
                image_type = "FullResolution" if level == 0 else "ReducedResolution"
                tif.write(pattern((height, width), np.uint8, 10 * level + index), tile=(128, 128),
                          photometric="minisblack", subfiletype=1 if level else 0,
                          description=qpi_description(image_type, name, color), **options)
            if level == 0:
                tif.write(pattern((height // 8, width // 8, 3), np.uint8, 40), photometric="rgb",
                          description=qpi_description("Thumbnail"), **options)
            height, width = height // 2, width // 2
        tif.write(pattern((300, 800, 3), np.uint8, 41), photometric="rgb", description=qpi_description("Overview"),
                  **options)
        tif.write(pattern((200, 200, 3), np.uint8, 42), photometric="rgb", description=qpi_description("Label"),
                  **options)


def check(path, kind):
    with tifffile.TiffFile(path) as tif:
        assert getattr(tif, "is_" + kind), f"{path}: tifffile does not flag it is_{kind}"
        series = tif.series[0]
        assert series.kind == kind, f"{path}: tifffile's series 0 is {series.kind}, not {kind}"
        print(os.path.basename(path), series.kind, series.axes, series.shape, series.dtype, len(series.levels),
              [s.name for s in tif.series], file=sys.stderr)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    files = {
        "shaped-czyx-uint16.tif": (shaped_czyx, "shaped"),
        "shaped-qqyx-uint16.tif": (shaped_qqyx, "shaped"),
        "shaped-rgb-stack.tif": (shaped_rgb_stack, "shaped"),
        "imagej-tzcyx-uint16.tif": (imagej_tzcyx, "imagej"),
        "imagej-tzyx-float32.tif": (imagej_tzyx, "imagej"),
        "qptiff-cyx-uint8.qptiff": (qptiff, "qpi"),
    }
    for name, (make, kind) in files.items():
        path = os.path.join(out, name)
        make(path)
        check(path, kind)
        print(name)


main()
