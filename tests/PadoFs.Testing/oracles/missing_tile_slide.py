#!/usr/bin/python3
"""Writes a copy of a TIFF slide in which some tiles are missing, as scanners sometimes leave them.

usage: missing_tile_slide.py SOURCE TARGET PAGE TILE...
Copies SOURCE to TARGET and sets the TileByteCounts entry of each TILE (index in page PAGE, row-major) to 0;
the tile's bytes stay where they are, unreferenced. Prints JSON: the page's tile grid and the tiles zeroed.
"""
import json
import shutil
import struct
import sys

import tifffile


def main(source, target, page_index, tiles):
    shutil.copyfile(source, target)
    with tifffile.TiffFile(target) as tif:
        page = tif.pages[page_index]
        tag = page.tags["TileByteCounts"]
        size = struct.calcsize(tif.byteorder + {3: "H", 4: "I", 16: "Q"}[int(tag.dtype)])
        offset = tag.valueoffset  # of the table, or of the value field where the entry holds the counts itself
        across = -(-page.imagewidth // page.tilewidth)
        down = -(-page.imagelength // page.tilelength)
    with open(target, "r+b") as stream:
        for tile in tiles:
            stream.seek(offset + tile * size)
            stream.write(b"\0" * size)
    json.dump({"across": across, "down": down, "tiles": tiles}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(tile) for tile in sys.argv[4:]])
