"""Compare levels PadoFs read from a DICOM slide with the slide as pydicom and Pillow read it.

usage: dicom_levels.py SLIDE (LEVELS_JSON | --zarr=GROUP,LAYOUT) [SVS]
SLIDE is one instance or a folder (dicom_series.py); pydicom gathers the VOLUME instances of the slide (a
concatenation's instances together, levels by width, as OpenSlide 4 does), takes every frame's bytes
(pydicom.encaps), decodes each with Pillow (pydicom's Pillow handler, which keeps an RGB JPEG's samples
untransformed) or takes native frames as they are, and lays it on the total pixel matrix: by frame number for TILED_FULL (after the concatenation's frame
offset), by the per-frame Plane Position (Slide) for TILED_SPARSE; tiles no frame covers are white.
The LABEL, OVERVIEW and THUMBNAIL instances are laid out the same way as the associated images label, macro and
thumbnail.
LEVELS_JSON: {"levels": {"0": {"shape": [h, w, 3], "file": PATH}, ...}, "associated": {"label": {...}, ...}} with
PadoFs's samples as raw uint8.
With --zarr, every level and associated image of the zarr slide group GROUP (exported or mounted) is read with
zarr-python instead, its axes (c, y, x) moved to (y, x, c) in the ome-ngff layout.
With SVS, each level is also compared with openslide-python's read_region of that SVS level.
Prints JSON: per level shape, differing samples, differing samples against the SVS, and the stored length of every
frame on the tile grid (0 for a missing tile), row by row; per associated image shape and differing samples; the
names of the slide's associated images.
"""
import json
import sys

import numpy as np
from pydicom.encaps import generate_pixel_data_frame
from pydicom.pixel_data_handlers import pillow_handler

from dicom_series import ASSOCIATED_NAMES, flavor, instances


def frames_of(ds):
    count = int(ds.get("NumberOfFrames", 1))
    if ds.file_meta.TransferSyntaxUID.is_encapsulated:
        return list(generate_pixel_data_frame(ds.PixelData, count))
    size = ds.Rows * ds.Columns * 3
    return [ds.PixelData[i * size:(i + 1) * size] for i in range(count)]


def decode(ds, frame):
    syntax = ds.file_meta.TransferSyntaxUID
    if not syntax.is_encapsulated:
        return np.frombuffer(frame, np.uint8).reshape(ds.Rows, ds.Columns, 3)
    image = pillow_handler._decompress_single_frame(frame, syntax, ds.PhotometricInterpretation)
    return np.asarray(image).reshape(ds.Rows, ds.Columns, 3)


def level(parts):
    first = parts[0]
    width, height = int(first.get("TotalPixelMatrixColumns", first.Columns)), int(first.get("TotalPixelMatrixRows", first.Rows))
    tw, th = first.Columns, first.Rows
    across, down = (width + tw - 1) // tw, (height + th - 1) // th
    matrix = np.full((down * th, across * tw, 3), 255, np.uint8)
    lengths = [[0] * across for _ in range(down)]
    for ds in sorted(parts, key=lambda d: int(d.get("InConcatenationNumber", 1))):
        sparse = ds.get("DimensionOrganizationType", "TILED_SPARSE") != "TILED_FULL"
        offset = int(ds.get("ConcatenationFrameOffsetNumber", 0))
        for number, frame in enumerate(frames_of(ds)):
            if sparse:
                position = ds.PerFrameFunctionalGroupsSequence[number].PlanePositionSlideSequence[0]
                col = (int(position.ColumnPositionInTotalImagePixelMatrix) - 1) // tw
                row = (int(position.RowPositionInTotalImagePixelMatrix) - 1) // th
            else:
                row, col = divmod(offset + number, across)
            if lengths[row][col]:
                continue
            lengths[row][col] = len(frame)
            matrix[row * th:(row + 1) * th, col * tw:(col + 1) * tw] = decode(ds, frame)
    return matrix[:height, :width], lengths


def as_array(entry):
    return entry if isinstance(entry, np.ndarray) else np.fromfile(entry["file"], np.uint8).reshape(entry["shape"])


def main():
    slide_file, levels_json = sys.argv[1:3]
    svs = sys.argv[3] if len(sys.argv) > 3 else None
    by_size, associated = {}, {}
    for ds in instances(slide_file, stop_before_pixels=False):
        if flavor(ds) == "VOLUME":
            by_size.setdefault((int(ds.TotalPixelMatrixColumns), int(ds.TotalPixelMatrixRows)), []).append(ds)
        elif flavor(ds) in ASSOCIATED_NAMES:
            associated[ASSOCIATED_NAMES[flavor(ds)]] = ds
    ordered = [by_size[key] for key in sorted(by_size, key=lambda size: -size[0])]
    if levels_json.startswith("--zarr="):
        import zarr
        group_path, layout = levels_json[len("--zarr="):].rsplit(",", 1)
        group = zarr.open_group(group_path, mode="r")
        axes = (lambda array: np.moveaxis(array, 0, -1)) if layout == "ome-ngff" else (lambda array: array)
        ours = {name: axes(group[name][...]) for name in sorted(group.array_keys(), key=int)}
        ours_associated = {}
        if "associated" in group:
            for name in group["associated"].group_keys() if layout == "ome-ngff" else group["associated"].array_keys():
                path = f"associated/{name}/0" if layout == "ome-ngff" else f"associated/{name}"
                ours_associated[name] = axes(group[path][...])
    else:
        with open(levels_json) as f:
            document = json.load(f)
        ours, ours_associated = document["levels"], document.get("associated", {})
    slide = None
    if svs:
        import openslide
        slide = openslide.OpenSlide(svs)
    result = {"reference_levels": len(ordered), "levels": {}, "reference_associated": sorted(associated),
              "associated": {}}
    for name, entry in ours_associated.items():
        reference, _ = level([associated[name]])
        array = as_array(entry)
        out = {"shape": list(array.shape), "reference_shape": list(reference.shape)}
        if array.shape == reference.shape:
            out["differing_samples"] = int((array != reference).sum())
        result["associated"][name] = out
    for name, entry in ours.items():
        reference, lengths = level(ordered[int(name)])
        array = as_array(entry)
        out = {"shape": list(array.shape), "reference_shape": list(reference.shape), "chunk_sizes": lengths}
        if array.shape == reference.shape:
            out["differing_samples"] = int((array != reference).sum())
        if slide is not None:
            w, h = slide.level_dimensions[int(name)]
            svs_pixels = np.asarray(slide.read_region((0, 0), int(name), (w, h)).convert("RGB"))
            out["svs_shape"] = list(svs_pixels.shape)
            if svs_pixels.shape == array.shape:
                out["svs_differing_samples"] = int((array != svs_pixels).sum())
        result["levels"][name] = out
    print(json.dumps(result))


main()
