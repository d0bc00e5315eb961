"""Writes small TIFF files that exercise the corners of the format: BigTIFF, big-endian, separate planes,
strips, reduced-resolution pages, SubIFD pyramids, stacks of alike pages and an Aperio-like layout (with
tifffile), and LZW and PackBits strips (with Pillow's libtiff, since tifffile needs imagecodecs for those).

usage: tiff_edge_cases.py OUTDIR
Prints the JSON list of the file names written.
"""
import json
import os
import sys

import numpy
import tifffile
from PIL import Image, TiffImagePlugin


def pixels(shape, dtype, seed):
    generator = numpy.random.default_rng(seed)
    info = numpy.iinfo(dtype)
    base = generator.integers(0, info.max // 2, size=shape, dtype=dtype)
    # smooth ramps keep Deflate and the predictor meaningful; the noise keeps every chunk distinct
    ramp = numpy.add.outer(numpy.arange(shape[0]), numpy.arange(shape[1])).astype(dtype)
    if len(shape) == 3:
        ramp = ramp[..., None]
    return (base // 8 + ramp).astype(dtype)


def reduce(image):
    return image[::2, ::2].copy()


def write_pyramid(path, image, levels, subifds, **options):
    with tifffile.TiffWriter(path, bigtiff=options.pop("bigtiff", False), byteorder=options.pop("byteorder", "<")) as tif:
        tif.write(image, subifds=levels if subifds else None, metadata=None, **options)
        for _ in range(levels):
            image = reduce(image)
            tif.write(image, subfiletype=1, metadata=None, **options)


def main(outdir):
    written = []

    def path(name):
        written.append(name)
        return os.path.join(outdir, name)

    rgb = pixels((300, 420, 3), numpy.uint8, 1)
    gray16 = pixels((203, 157), numpy.uint16, 2)

    tifffile.imwrite(path("bigtiff-tiled-deflate.tif"), rgb, bigtiff=True, tile=(64, 96),
                     compression="zlib", predictor=True, metadata=None)
    tifffile.imwrite(path("big-endian-strips-uint16.tif"), gray16, byteorder=">", rowsperstrip=7, metadata=None)
    tifffile.imwrite(path("big-endian-bigtiff-tiled-uint16.tif"), gray16, byteorder=">", bigtiff=True,
                     tile=(32, 48), compression="zlib", predictor=True, metadata=None)
    tifffile.imwrite(path("planar-separate-tiled.tif"), numpy.moveaxis(rgb, 2, 0), planarconfig="separate",
                     photometric="rgb", tile=(64, 64), compression="zlib", metadata=None)
    tifffile.imwrite(path("planar-separate-strips-uint16.tif"), numpy.stack([gray16, gray16 // 3]),
                     planarconfig="separate", photometric="minisblack", rowsperstrip=16, byteorder=">",
                     compression="zlib", metadata=None)
    tifffile.imwrite(path("strips-rgb-uncompressed.tif"), rgb, rowsperstrip=13, metadata=None)
    write_pyramid(path("reduced-pages-pyramid.tif"), rgb, 3, False, tile=(32, 32), compression="zlib")
    write_pyramid(path("subifd-pyramid.tif"), gray16, 2, True, tile=(32, 32), bigtiff=True, byteorder=">")
    write_pyramid(path("strips-pyramid.tif"), rgb, 2, False, rowsperstrip=20, compression="zlib", predictor=True)
    with tifffile.TiffWriter(path("stack-and-second-image.tif")) as tif:
        for i in range(3):
            tif.write(pixels((40, 50), numpy.uint8, 10 + i), metadata=None, contiguous=False)
        tif.write(pixels((33, 21, 3), numpy.uint8, 20), metadata=None, rowsperstrip=5)
    with tifffile.TiffWriter(path("two-images-with-levels.tif")) as tif:
        first = pixels((128, 160), numpy.uint8, 30)
        tif.write(first, tile=(16, 16), metadata=None)
        tif.write(reduce(first), tile=(16, 16), subfiletype=1, metadata=None)
        second = pixels((90, 70, 3), numpy.uint8, 31)
        tif.write(second, metadata=None)
        tif.write(reduce(second), subfiletype=1, metadata=None)
    write_aperio_like(path("aperio-like.svs"))

    TiffImagePlugin.WRITE_LIBTIFF = True
    predictor = {317: 2}
    Image.fromarray(pixels((61, 83, 3), numpy.uint8, 40)).save(path("pillow-lzw-predictor-rgb.tif"),
                                                             compression="tiff_lzw", tiffinfo=predictor)
    Image.fromarray(pixels((57, 45), numpy.uint16, 41)).save(path("pillow-lzw-predictor-uint16.tif"),
                                                           compression="tiff_lzw", tiffinfo=predictor)
    Image.fromarray(pixels((37, 70, 3), numpy.uint8, 42)).save(path("pillow-packbits-rgb.tif"),
                                                             compression="packbits")
    Image.fromarray(pixels((64, 77), numpy.uint8, 43)).save(path("pillow-lzw-gray.tif"), compression="tiff_lzw")
    return written


def write_aperio_like(path):
    """The page order of an Aperio SVS: tiled baseline, stripped thumbnail, tiled levels, label, macro."""
    baseline = pixels((256, 320, 3), numpy.uint8, 50)
    tiled = dict(tile=(64, 64), compression="zlib", metadata=None)
    with tifffile.TiffWriter(path) as tif:
        tif.write(baseline, description="Aperio Image Library v0.0 \r\n320x256 (64x64) test|AppMag = 20|MPP = 0.5", **tiled)
        tif.write(baseline[::4, ::4], description="Aperio Image Library v0.0 \n320x256 -> 80x64", rowsperstrip=16,
                  metadata=None)
        tif.write(reduce(baseline), description="Aperio Image Library v0.0 \r\n320x256 -> 160x128", **tiled)
        tif.write(pixels((40, 30, 3), numpy.uint8, 51), subfiletype=1, description="Aperio Image Library v0.0 \nlabel 30x40",
                  compression="zlib", rowsperstrip=8, metadata=None)
        tif.write(pixels((30, 90, 3), numpy.uint8, 52), subfiletype=9, description="Aperio Image Library v0.0 \nmacro 90x30",
                  rowsperstrip=8, metadata=None)


if __name__ == "__main__":
    json.dump(main(sys.argv[1]), sys.stdout)
