"""Open a zarr group through its consolidated metadata and compare that with the documents themselves.

usage: zarr_consolidated.py GROUP
Prints one JSON object: how many documents .zmetadata holds, the documents on disk it lacks, those it holds
that differ from the file or are not on disk, the arrays zarr.open_consolidated finds, and whether level 0
read through it equals level 0 read without it.
"""
import json
import os
import sys

import numpy as np
import zarr

root = sys.argv[1]
with open(os.path.join(root, ".zmetadata")) as f:
    consolidated = json.load(f)
metadata = consolidated["metadata"]

on_disk = {}
for folder, _, files in os.walk(root):
    for name in files:
        if name in (".zgroup", ".zarray", ".zattrs"):
            path = os.path.join(folder, name)
            with open(path) as f:
                on_disk[os.path.relpath(path, root).replace(os.sep, "/")] = json.load(f)

group = zarr.open_consolidated(root, mode="r")
arrays = []
group.visitvalues(lambda node: arrays.append(node.path) if isinstance(node, zarr.Array) else None)
plain = zarr.open_group(root, mode="r")
print(json.dumps({
    "format": consolidated.get("zarr_consolidated_format"),
    "documents": len(metadata),
    "missing": sorted(set(on_disk) - set(metadata)),
    "different": sorted(key for key in metadata if on_disk.get(key) != metadata[key]),
    "arrays": sorted(arrays),
    "level0_equal": bool(np.array_equal(group["0"][:], plain["0"][:])),
}))
