"""What pydicom reads of a DICOM slide: the instances of the series of SLIDE_FILE in its folder.

usage: dicom_info.py SLIDE_FILE
Prints JSON: the levels (VOLUME instances grouped by total pixel matrix, widest first) with their sizes and frame
sizes, mpp from the first level's shared Pixel Measures (row spacing, column spacing, mm -> µm), and the associated
images by OpenSlide 4's names (LABEL label, OVERVIEW macro, THUMBNAIL thumbnail).
"""
import json
import os
import sys

import pydicom

slide_file = sys.argv[1]
series = pydicom.dcmread(slide_file, stop_before_pixels=True).SeriesInstanceUID
folder = os.path.dirname(os.path.abspath(slide_file))
levels, associated = {}, []
names = {"LABEL": "label", "OVERVIEW": "macro", "THUMBNAIL": "thumbnail"}
first = None
for name in sorted(os.listdir(folder)):
    try:
        ds = pydicom.dcmread(os.path.join(folder, name), stop_before_pixels=True)
    except Exception:
        continue
    if ds.get("SeriesInstanceUID") != series:
        continue
    flavor = ds.ImageType[2]
    if flavor == "VOLUME":
        size = (int(ds.TotalPixelMatrixColumns), int(ds.TotalPixelMatrixRows))
        levels[size] = {"width": size[0], "height": size[1], "tile_width": int(ds.Columns), "tile_height": int(ds.Rows)}
        if first is None or size[0] > int(first.TotalPixelMatrixColumns):
            first = ds
    elif flavor in names:
        associated.append(names[flavor])
result = {"levels": [levels[size] for size in sorted(levels, key=lambda s: -s[0])], "associated": sorted(associated)}
try:
    spacing = first.SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].PixelSpacing
    result["mpp_y"], result["mpp_x"] = float(spacing[0]) * 1000, float(spacing[1]) * 1000
except (AttributeError, IndexError):
    result["mpp_x"] = result["mpp_y"] = None
print(json.dumps(result))
