"""Compares an RGB(A) picture of a whole slide (a browser's canvas) with OpenSlide's thumbnail of it at the same size.

Prints one JSON object: the picture's and the thumbnail's sizes, their mean colour per channel, their standard
deviation per channel, and the mean colour of each of BLOCKS x BLOCKS equal blocks of each (rows of blocks, top
first), so the caller decides what agrees.

usage: openslide_thumbnail_vs_image.py SLIDE PICTURE.png [BLOCKS]
"""
import json
import sys

import numpy
import openslide
from PIL import Image


def blocks(pixels, count):
    height, width, _ = pixels.shape
    rows = numpy.linspace(0, height, count + 1).astype(int)
    columns = numpy.linspace(0, width, count + 1).astype(int)
    return [
        pixels[rows[r]:rows[r + 1], columns[c]:columns[c + 1]].reshape(-1, 3).mean(axis=0).tolist()
        for r in range(count)
        for c in range(count)
    ]


def summary(pixels, count):
    flat = pixels.reshape(-1, 3)
    return {
        "size": [pixels.shape[1], pixels.shape[0]],
        "mean": flat.mean(axis=0).tolist(),
        "std": flat.std(axis=0).tolist(),
        "blocks": blocks(pixels, count),
    }


def main():
    slide_path, picture_path = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    picture = Image.open(picture_path).convert("RGB")
    with openslide.OpenSlide(slide_path) as slide:
        thumbnail = slide.get_thumbnail(picture.size).convert("RGB")
    # get_thumbnail keeps the slide's aspect ratio, so its size may round a pixel off the picture's; the blocks
    # compare equal fractions of each either way.
    print(json.dumps({
        "picture": summary(numpy.asarray(picture, dtype=numpy.float64), count),
        "thumbnail": summary(numpy.asarray(thumbnail, dtype=numpy.float64), count),
    }))


main()
