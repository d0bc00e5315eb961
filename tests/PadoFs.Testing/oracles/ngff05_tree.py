"""Check every zarr.json of a zarr v3 tree: each is a zarr v3 node; each whose attributes hold "ome" validates
against the OME-NGFF 0.5 image and strict image schemas (offline), its axes are in the specification's order, and
the arrays of its multiscales name their axes (dimension_names) as the multiscales' axes do, with one scale per
axis.

usage: ngff05_tree.py SCHEMA_DIR ROOT
Prints one JSON object: how many documents and how many NGFF images were checked, and every error.
"""
import json
import os
import sys

from ngff_validate import image_validators

schema_dir, root = sys.argv[1:3]
validators = image_validators(schema_dir, "0.5")

errors = []
documents = 0
images = 0
for folder, subfolders, files in os.walk(root):
    node = os.path.relpath(folder, root).replace(os.sep, "/")
    if "zarr.json" not in files:
        errors.append(f"{node}: a node's folder without zarr.json")
        continue
    documents += 1
    with open(os.path.join(folder, "zarr.json")) as f:
        document = json.load(f)
    if document.get("zarr_format") != 3 or document.get("node_type") not in ("group", "array"):
        errors.append(f"{node}: not a zarr v3 node")
    if document.get("node_type") == "array":
        subfolders.clear()  # chunk folders
    attributes = document.get("attributes", {})
    if "ome" not in attributes:
        continue
    images += 1
    for kind, validator in validators.items():
        errors.extend(f"{node} ({kind}): {error.message}" for error in validator.iter_errors(attributes))
    for multiscale in attributes["ome"].get("multiscales", []):
        axes = [axis["name"] for axis in multiscale.get("axes", [])]
        # The order the 0.5 specification gives and its schemas do not check: time, then channel, then space.
        ranks = [{"time": 0, "channel": 1, "space": 2}.get(axis.get("type"), 1) for axis in multiscale.get("axes", [])]
        if ranks != sorted(ranks):
            errors.append(f"{node}: axes {axes} are not in the order time, channel, space")
        for dataset in multiscale.get("datasets", []):
            with open(os.path.join(folder, dataset["path"], "zarr.json")) as f:
                array = json.load(f)
            if array.get("dimension_names") != axes:
                errors.append(f"{node}/{dataset['path']}: dimension_names {array.get('dimension_names')} are not the axes {axes}")
            if len(array["shape"]) != len(axes):
                errors.append(f"{node}/{dataset['path']}: {len(array['shape'])} dimensions for {len(axes)} axes")
            for transformation in dataset["coordinateTransformations"]:
                if len(transformation.get("scale", axes)) != len(axes):
                    errors.append(f"{node}/{dataset['path']}: a scale of another length than the axes")
print(json.dumps({"documents": documents, "images": images, "errors": errors}))
