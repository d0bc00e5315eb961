#!/usr/bin/python3
"""Writes an Aperio slide whose reduced level is wider than one 4096-pixel cell of OpenSlide's reads.

usage: wide_aperio_slide.py TARGET
Level 0 is 8800 x 480, level 1 4399 x 240 (downsample 2.0002, not an integer), both Deflate tiles of 240 x 240 (so a
level-1 tile straddles the cell edge at x 4096), each level its own random noise, so that any resampling shows.
"""
import sys

import numpy as np
import tifffile

DESCRIPTION = "Aperio Image Library v10.0.0\r\n8800x480 [0,0 8800x480] (240x240) Deflate|AppMag = 20|MPP = 0.5"


def main(target):
    rng = np.random.default_rng(7)
    with tifffile.TiffWriter(target) as tif:
        for height, width, description in ((480, 8800, DESCRIPTION), (240, 4399, "Aperio Image Library v10.0.0\r\n8800x480 -> 4399x240")):
            pixels = rng.integers(0, 256, size=(height, width, 3), dtype=np.uint8)
            tif.write(pixels, tile=(240, 240), photometric="rgb", compression="zlib", description=description, metadata=None)


if __name__ == "__main__":
    main(sys.argv[1])
