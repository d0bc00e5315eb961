"""Print tifffile's zarr store metadata for every level of a slide's first series, as pado's get_zarr_store gives it.

usage: tifffile_zarray.py SLIDE [SERIES]
With SERIES, the levels of that series instead (tifffile's aszarr(series=SERIES, level=L)).
"""
import json
import sys

import tifffile

series = int(sys.argv[2]) if len(sys.argv) > 2 else 0
with tifffile.TiffFile(sys.argv[1]) as tif:
    levels = []
    for level in range(len(tif.series[series].levels)):
        store = tif.aszarr(series=series, level=level)
        levels.append({
            "zarray": json.loads(store[".zarray"]),
            "zarray_text": store[".zarray"].decode(),
            "zattrs": json.loads(store[".zattrs"]),
        })
        store.close()
    print(json.dumps(levels))
