#!/usr/bin/python3
"""Writes a corpus of TIFFs the way microscopy and slide software writes them, for checking PadoFs against tifffile.

usage: make_tiff_corpus.py OUTDIR

Files other than the OME-TIFFs carry no tifffile metadata, as most writers' files, so that tifffile reads generic
series. Every file's pixels are a deterministic pattern, each level its own (not a resampling of the level above), with
odd level sizes (1001 x 777 and its reductions). Prints the names of the files written, one a line:
  ome-cyx-uint16-subifds.ome.tif  OME-TIFF, 4 uint16 channels (CYX) with names, colours and pixel size, Deflate
                                  tiles, 2 reduced levels in SubIFDs (tifffile)
  ome-rgb-jpeg-subifds.ome.tif    OME-TIFF, RGB JPEG tiles, a pyramid in SubIFDs (libvips --subifd), OME-XML set
                                  after (tifffile.tiffcomment)
  planar-rgb-subifds.tif          RGB stored planar-separate (SYX), Deflate, 2 levels in SubIFDs
  rgba-pages.tif                  RGBA (unassociated alpha), Deflate, reduced pages by 3 (downsamples not integers)
  gray8-pages.tif                 8-bit greyscale, Deflate with horizontal predictor, reduced pages by 2
  gray16-bigtiff-pages.tif        16-bit greyscale BigTIFF, uncompressed strips, reduced pages by 2
  int16-pages.tif                 signed 16-bit greyscale, Deflate tiles, reduced pages by 2
  float32-pages.tif               32-bit float greyscale, Deflate tiles, reduced pages by 2
  zstd-rgb-pyramid.tif            RGB, ZSTD tiles, a pyramid of reduced pages (libvips --pyramid)
  webp-rgb-pyramid.tif            RGB, lossy WebP tiles, a pyramid of reduced pages (libvips --pyramid)
  ome-two-images.ome.tif          OME-TIFF of two images (tifffile writing twice): 2 uint16 channels (CYX) with 2
                                  reduced levels in SubIFDs, then RGB uint8 of another size and pixel size with one
                                  too, Deflate tiles
"""
import os
import subprocess
import sys

import numpy as np
import tifffile

from sample_pattern import pattern

SIZE = (777, 1001)


def sizes(factor, count):
    height, width = SIZE
    result = []
    for _ in range(count):
        result.append((height, width))
        height, width = -(-height // factor), -(-width // factor)
    return result


def ome_cyx16(path):
    metadata = {"axes": "CYX", "PhysicalSizeX": 0.5, "PhysicalSizeY": 0.5,
                "Channel": {"Name": ["DAPI", "CD3", "CD8", "PanCK"], "Color": [-16776961, 16711935, 65535, -1]}}
    levels = sizes(2, 3)
    with tifffile.TiffWriter(path, ome=True) as tif:
        tif.write(pattern((4,) + levels[0], np.uint16, 1), subifds=2, tile=(128, 128), compression="zlib",
                  photometric="minisblack", metadata=metadata)
        for seed, level in enumerate(levels[1:], 2):
            tif.write(pattern((4,) + level, np.uint16, seed), subfiletype=1, tile=(128, 128), compression="zlib",
                      photometric="minisblack")


def vips_pyramid(path, work, *options, description=None):
    """An RGB gradient saved by libvips as a tiled pyramid, 128 x 128 tiles, with these tiffsave options; libvips
    copies the source's ImageDescription, none unless given."""
    source = os.path.join(work, os.path.basename(path) + ".source.tmp")
    y, x = np.mgrid[0:SIZE[0], 0:SIZE[1]]
    rgb = np.stack([(x * 3) % 256, (y * 5) % 256, ((x + y) * 2) % 256], axis=-1).astype(np.uint8)
    tifffile.imwrite(source, rgb, photometric="rgb", metadata=None, description=description)
    subprocess.run(["vips", "tiffsave", source, path, "--tile", "--tile-width", "128", "--tile-height", "128",
                    "--pyramid", *options], check=True)
    os.remove(source)


def ome_rgb_jpeg(path, work):
    vips_pyramid(path, work, "--compression", "jpeg", "--Q", "90", "--subifd", description="OME-XML follows")
    omexml = ('<?xml version="1.0" encoding="UTF-8"?><OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06">'
              '<Image ID="Image:0" Name="rgb"><Pixels ID="Pixels:0" DimensionOrder="XYCZT" Type="uint8" '
              f'SizeX="{SIZE[1]}" SizeY="{SIZE[0]}" SizeC="3" SizeZ="1" SizeT="1" PhysicalSizeX="0.25" PhysicalSizeY="0.25">'
              '<Channel ID="Channel:0:0" SamplesPerPixel="3"/><TiffData IFD="0" PlaneCount="1"/></Pixels></Image></OME>')
    tifffile.tiffcomment(path, omexml)


def planar_rgb(path):
    levels = sizes(2, 3)
    with tifffile.TiffWriter(path) as tif:
        tif.write(pattern((3,) + levels[0], np.uint8, 11), subifds=2, tile=(64, 64), compression="zlib",
                  photometric="rgb", planarconfig="separate", metadata=None)
        for seed, level in enumerate(levels[1:], 12):
            tif.write(pattern((3,) + level, np.uint8, seed), subfiletype=1, tile=(64, 64), compression="zlib",
                      photometric="rgb", planarconfig="separate", metadata=None)


def ome_two_images(path):
    first, second = sizes(2, 3), [(301, 403), (151, 202)]
    with tifffile.TiffWriter(path, ome=True) as tif:
        tif.write(pattern((2,) + first[0], np.uint16, 71), subifds=2, tile=(128, 128), compression="zlib",
                  photometric="minisblack", metadata={"axes": "CYX", "PhysicalSizeX": 0.5, "PhysicalSizeY": 0.5})
        for seed, level in enumerate(first[1:], 72):
            tif.write(pattern((2,) + level, np.uint16, seed), subfiletype=1, tile=(128, 128), compression="zlib",
                      photometric="minisblack")
        tif.write(pattern(second[0] + (3,), np.uint8, 75), subifds=1, tile=(64, 64), compression="zlib",
                  photometric="rgb", metadata={"axes": "YXS", "PhysicalSizeX": 2.0, "PhysicalSizeY": 2.0})
        tif.write(pattern(second[1] + (3,), np.uint8, 76), subfiletype=1, tile=(64, 64), compression="zlib",
                  photometric="rgb")


def pages(path, shape_of, dtype, factor, seed, **options):
    with tifffile.TiffWriter(path, bigtiff=options.pop("bigtiff", False)) as tif:
        for level, size in enumerate(sizes(factor, 3)):
            tif.write(pattern(shape_of(size), dtype, seed + level), subfiletype=1 if level else 0, metadata=None, **options)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    files = {
        "ome-cyx-uint16-subifds.ome.tif": ome_cyx16,
        "ome-rgb-jpeg-subifds.ome.tif": lambda path: ome_rgb_jpeg(path, out),
        "planar-rgb-subifds.tif": planar_rgb,
        "rgba-pages.tif": lambda path: pages(path, lambda s: s + (4,), np.uint8, 3, 21, tile=(64, 64),
                                             compression="zlib", photometric="rgb", extrasamples=["unassalpha"]),
        "gray8-pages.tif": lambda path: pages(path, lambda s: s, np.uint8, 2, 31, tile=(128, 128),
                                              compression="zlib", predictor=True, photometric="minisblack"),
        "gray16-bigtiff-pages.tif": lambda path: pages(path, lambda s: s, np.uint16, 2, 41, rowsperstrip=64,
                                                       photometric="minisblack", bigtiff=True),
        "int16-pages.tif": lambda path: pages(path, lambda s: s, np.int16, 2, 51, tile=(128, 128),
                                              compression="zlib", photometric="minisblack"),
        "float32-pages.tif": lambda path: pages(path, lambda s: s, np.float32, 2, 61, tile=(128, 128),
                                                compression="zlib", photometric="minisblack"),
        "zstd-rgb-pyramid.tif": lambda path: vips_pyramid(path, out, "--compression", "zstd"),
        "webp-rgb-pyramid.tif": lambda path: vips_pyramid(path, out, "--compression", "webp", "--Q", "80"),
        "ome-two-images.ome.tif": ome_two_images,
    }
    for name, make in files.items():
        make(os.path.join(out, name))
        print(name)


main()
