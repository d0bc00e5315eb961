"""Compare a zarr v3 tree's consolidated metadata (zarr-python 3's inline form in the root zarr.json) with the
zarr.json of every node below the root.

usage: zarr_v3_consolidated.py ROOT
Prints one JSON object: the form (kind, must_understand), how many nodes it lists, the nodes on disk it lacks,
those it lists that are not on disk, and those whose document differs from the node's zarr.json.
"""
import json
import os
import sys

root = sys.argv[1]
with open(os.path.join(root, "zarr.json")) as f:
    consolidated = json.load(f).get("consolidated_metadata") or {}
listed = consolidated.get("metadata", {})

on_disk = {}
for folder, subfolders, files in os.walk(root):
    node = os.path.relpath(folder, root).replace(os.sep, "/")
    if "zarr.json" not in files:
        continue
    with open(os.path.join(folder, "zarr.json")) as f:
        document = json.load(f)
    if node != ".":
        on_disk[node] = document
    if document.get("node_type") == "array":
        subfolders.clear()  # chunk folders

print(json.dumps({
    "kind": consolidated.get("kind"),
    "must_understand": consolidated.get("must_understand"),
    "nodes": len(listed),
    "missing": sorted(set(on_disk) - set(listed)),
    "not_on_disk": sorted(set(listed) - set(on_disk)),
    "different": sorted(node for node in listed if node in on_disk and on_disk[node] != listed[node]),
}))
