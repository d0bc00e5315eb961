"""Print the root .zattrs of tifffile's zarr store of a slide's whole first series (all its levels).

usage: tifffile_group_attributes.py SLIDE
Prints the document as JSON, or null when the series has one level (tifffile then gives an array, not a group).
"""
import json
import sys

import tifffile

with tifffile.TiffFile(sys.argv[1]) as tif:
    store = tif.series[0].aszarr()
    print(store[".zattrs"].decode() if ".zgroup" in store else "null")
    store.close()
