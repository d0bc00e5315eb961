"""Writes small TIFF files with tifffile that exercise the corners of the format: BigTIFF, big-endian,
separate planes, strips, reduced-resolution pages, SubIFD pyramids and stacks of alike pages.

usage: tiff_edge_cases.py OUTDIR
Prints the JSON list of the file names written.
"""
import json
import os
import sys

import numpy
import tifffile


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
    return written


if __name__ == "__main__":
    json.dump(main(sys.argv[1]), sys.stdout)
