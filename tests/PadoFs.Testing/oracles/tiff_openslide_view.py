"""Prints what OpenSlide reports about a slide that the TIFF backend compares with: level sizes,
downsamples and the tiff.* properties.

usage: tiff_openslide_view.py FILE
"""
import json
import sys

import openslide

with openslide.OpenSlide(sys.argv[1]) as slide:
    json.dump({
        "dimensions": [list(d) for d in slide.level_dimensions],
        "downsamples": list(slide.level_downsamples),
        "tiff_properties": {k: v for k, v in slide.properties.items() if k.startswith("tiff.")},
    }, sys.stdout)
