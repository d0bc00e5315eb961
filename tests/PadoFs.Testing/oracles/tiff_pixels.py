"""Decodes one level of one series of a TIFF file and writes its pixels as raw H x W x S little-endian bytes.

usage: tiff_pixels.py FILE SERIES LEVEL OUTFILE
Prints {"height", "width", "samples", "dtype", "reader"} as JSON. tifffile decodes where it can without
imagecodecs (uncompressed, Deflate); LZW and PackBits pages are decoded by Pillow's libtiff instead.
"""
import json
import sys

import numpy
import tifffile
from PIL import Image

TIFFFILE_COMPRESSIONS = (1, 8, 32946)


def with_sample_axis(array, axes):
    if axes == "YX":
        return array[..., None]
    if axes == "SYX":
        return numpy.moveaxis(array, 0, -1)
    return array


def decode(path, series, level):
    with tifffile.TiffFile(path) as tif:
        page = tif.series[series].levels[level].keyframe
        if page.compression in TIFFFILE_COMPRESSIONS:
            return with_sample_axis(page.asarray(), page.axes), "tifffile"
        if page.is_subifd:
            raise SystemExit("Pillow cannot reach a SubIFD page")
        index, axes = page.index, page.axes
    with Image.open(path) as image:
        image.seek(index)
        return with_sample_axis(numpy.asarray(image), axes), "pillow"


def main(path, series, level, out):
    array, reader = decode(path, int(series), int(level))
    array = numpy.ascontiguousarray(array.astype(array.dtype.newbyteorder("<")))
    with open(out, "wb") as stream:
        stream.write(array.tobytes())
    height, width, samples = array.shape
    json.dump({"height": height, "width": width, "samples": samples, "dtype": array.dtype.str, "reader": reader}, sys.stdout)


if __name__ == "__main__":
    main(*sys.argv[1:])
