"""Print, for every level of a slide's first series, the zarr.json that tifffile 2026.7's aszarr writes for it as
a level of its multiscale group (tifffile/zarr.py, ZarrTiffStore: _init_zarray and the level names), built from
what this machine's tifffile gives for the level (its zarr v2 store's shape, chunks, dtype and fill value, and the
series' axes). This machine's tifffile predates zarr v3.

usage: tifffile_zarr_json.py SLIDE
Prints a JSON list of the documents' texts, one per level.
"""
import json
import sys

import numpy
import tifffile


def dumps(obj):
    # tifffile's _json_dumps
    return json.dumps(obj, indent=1, sort_keys=True, ensure_ascii=True, separators=(",", ": "))


with tifffile.TiffFile(sys.argv[1]) as tif:
    series = tif.series[0]
    axes = list(series.axes)
    shape0 = series.levels[0].shape
    documents = []
    for level, level_series in enumerate(series.levels):
        store = tif.aszarr(level=level)
        zarray = json.loads(store[".zarray"])
        store.close()
        dtype = numpy.dtype(zarray["dtype"])
        names = axes if level == 0 else [f"{ax}{level}" if i != j else ax for ax, i, j in zip(axes, level_series.shape, shape0)]
        codec = {"name": "bytes"} if dtype.itemsize == 1 else {"name": "bytes", "configuration": {"endian": "little"}}
        documents.append(dumps({
            "zarr_format": 3,
            "node_type": "array",
            "shape": list(level_series.shape),
            "data_type": dtype.name,
            "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": zarray["chunks"]}},
            "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}},
            "fill_value": zarray["fill_value"],
            "codecs": [codec],
            "dimension_names": names,
            "attributes": {},
        }))
    print(json.dumps(documents))
