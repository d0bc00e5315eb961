"""Compare levels another reader read (samples in files, as oracles-js/zarrita_levels.mjs writes them) with an
independent reader of the slide.

usage: raw_vs_reference.py LEVELS_JSON SLIDE LAYOUT [SERIES]
LEVELS_JSON is the other reader's output: {"levels": {"0": {"shape": [...], "dtype": "uint8", "file": PATH}, ...}}.
Prints one JSON object as zarr_vs_reference.py does: per level the shapes, dtypes and how many samples differ, and
how many levels the reference has. With SERIES (> 0) the reference is tifffile's series[SERIES].
"""
import json
import sys

import numpy as np

from zarr_vs_reference import in_layout, openslide_levels, tifffile_levels

levels_path, slide_path, layout = sys.argv[1:4]
series = int(sys.argv[4]) if len(sys.argv) > 4 else 0
with open(levels_path) as f:
    levels = json.load(f)["levels"]
count, read, reference_axes = (series == 0 and openslide_levels(slide_path)) or tifffile_levels(slide_path, series)
result = {"levels": {}, "reference_levels": count}
for name, level in levels.items():
    reference = in_layout(read(int(name)), reference_axes[int(name)], layout)
    samples = np.fromfile(level["file"], dtype=np.dtype(level["dtype"]).newbyteorder("<"))
    array = samples.reshape(level["shape"])
    entry = {"shape": list(array.shape), "reference_shape": list(reference.shape), "dtype": str(array.dtype.newbyteorder("=")),
             "reference_dtype": str(reference.dtype)}
    if array.shape == reference.shape:
        entry["differing_samples"] = int((array != reference).sum())
    result["levels"][name] = entry
print(json.dumps(result))
