"""What pydicom reads of a DICOM slide (a file and its series beside it, or a folder of one series; dicom_series.py).

usage: dicom_info.py SLIDE
Prints JSON: the levels (VOLUME instances grouped by total pixel matrix, widest first) with their sizes and frame
sizes, mpp from the first level's shared Pixel Measures (row spacing, column spacing, mm -> µm), and the associated
images by OpenSlide 4's names (LABEL label, OVERVIEW macro, THUMBNAIL thumbnail).
"""
import json
import sys

from dicom_series import ASSOCIATED_NAMES, flavor, instances

levels, associated = {}, []
first = None
for ds in instances(sys.argv[1]):
    if flavor(ds) == "VOLUME":
        size = (int(ds.TotalPixelMatrixColumns), int(ds.TotalPixelMatrixRows))
        levels[size] = {"width": size[0], "height": size[1], "tile_width": int(ds.Columns), "tile_height": int(ds.Rows)}
        if first is None or size[0] > int(first.TotalPixelMatrixColumns):
            first = ds
    elif flavor(ds) in ASSOCIATED_NAMES:
        associated.append(ASSOCIATED_NAMES[flavor(ds)])
result = {"levels": [levels[size] for size in sorted(levels, key=lambda s: -s[0])], "associated": sorted(associated)}
try:
    spacing = first.SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].PixelSpacing
    result["mpp_y"], result["mpp_x"] = float(spacing[0]) * 1000, float(spacing[1]) * 1000
except (AttributeError, IndexError):
    result["mpp_x"] = result["mpp_y"] = None
print(json.dumps(result))
