"""Print tifffile's zarr store metadata for every level of a slide's first series, as pado's get_zarr_store gives it.

usage: tifffile_zarray.py SLIDE
"""
import json
import sys

import tifffile

with tifffile.TiffFile(sys.argv[1]) as tif:
    levels = []
    for level in range(len(tif.series[0].levels)):
        store = tif.aszarr(level=level)
        levels.append({
            "zarray": json.loads(store[".zarray"]),
            "zarray_text": store[".zarray"].decode(),
            "zattrs": json.loads(store[".zattrs"]),
        })
        store.close()
    print(json.dumps(levels))
