"""Compare a zarr slide group (exported or mounted) with an independent reader of the slide.

usage: zarr_vs_reference.py [--open=HOW] GROUP SLIDE LAYOUT [LEVEL...]

HOW is how each level is opened: "group" (the default: zarr.open_group on the slide, then its member),
"fsstore" (what ome-zarr-py up to 0.11 does for an OME-NGFF image: an FSStore on the level's own path with
dimension_separator "/"), "plain" (zarr.open on the level's path), "xarray" (xarray.open_zarr on the slide,
every other level dropped, as xarray needs: the levels share dimension names), "xarray-unmasked" (the same with
mask_and_scale=False).

Reference pixels: openslide-python's read_region of the whole level (composited over the slide's
background colour by PadoFs's documented rule), or tifffile's series 0 levels for files OpenSlide cannot open
(Pillow's libtiff where tifffile lacks the codec).
Prints one JSON object: per level the shapes and how many samples differ.
"""
import json
import sys

import numpy as np
import zarr


def openslide_levels(path):
    import openslide
    try:
        slide = openslide.OpenSlide(path)
    except openslide.OpenSlideError:
        return None
    background = slide.properties.get("openslide.background-color", "FFFFFF")
    bg = np.array([int(background[i:i + 2], 16) for i in (0, 2, 4)], dtype=np.int64)

    def read(level):
        # PadoFs's rule on OpenSlide's premultiplied ARGB: c + round(bg * (255 - a) / 255). openslide-python
        # un-premultiplies as floor(255 * c / a), from which c = ceil(v * a / 255) is recovered exactly.
        width, height = slide.level_dimensions[level]
        rgba = np.asarray(slide.read_region((0, 0), level, (width, height)), dtype=np.int64)
        alpha = rgba[..., 3:4]
        premultiplied = (rgba[..., :3] * alpha + 254) // 255
        return (premultiplied + (bg * (255 - alpha) + 127) // 255).astype(np.uint8)

    return slide.level_count, read


def tifffile_levels(path):
    import tifffile
    tif = tifffile.TiffFile(path)
    series = tif.series[0]

    def read(level):
        page = series.levels[level].keyframe
        try:
            return page.asarray()
        except ValueError:
            # Without imagecodecs tifffile decodes no LZW or PackBits: Pillow's libtiff reads those pages.
            from PIL import Image
            with Image.open(path) as image:
                image.seek(page.index)
                return np.asarray(image)

    return len(series.levels), read


def level_opener(how, group_path, group):
    if how == "group":
        return lambda level: group[str(level)]
    if how == "fsstore":
        return lambda level: zarr.open(zarr.storage.FSStore(f"{group_path}/{level}", dimension_separator="/", mode="r"), mode="r")
    if how == "plain":
        return lambda level: zarr.open(f"{group_path}/{level}", mode="r")
    if how in ("xarray", "xarray-unmasked"):
        import xarray

        def open_with_xarray(level):
            others = [name for name in group.array_keys() if name != str(level)]
            dataset = xarray.open_zarr(group_path, drop_variables=others, mask_and_scale=how == "xarray")
            return dataset[str(level)].values
        return open_with_xarray
    raise SystemExit(f"unknown --open={how}")


def in_reference_axes(array, layout, reference):
    """The array with its axes in the reference's order: (c, y, x) of the ome-ngff layout moved to (y, x[, c])."""
    if layout == "ome-ngff":
        array = np.moveaxis(array, 0, -1)
        if reference.ndim == 2:
            array = array[..., 0]
    return array


def main():
    arguments = sys.argv[1:]
    how = "group"
    if arguments and arguments[0].startswith("--open="):
        how = arguments.pop(0)[len("--open="):]
    group_path, slide_path, layout = arguments[:3]
    wanted = [int(level) for level in arguments[3:]]
    group = zarr.open_group(group_path, mode="r")
    open_level = level_opener(how, group_path, group)
    count, read = openslide_levels(slide_path) or tifffile_levels(slide_path)
    result = {"levels": {}, "group_levels": sorted(k for k in group.array_keys())}
    for level in wanted or range(count):
        reference = read(level)
        array = in_reference_axes(open_level(level)[:], layout, reference)
        entry = {"shape": list(array.shape), "reference_shape": list(reference.shape), "dtype": str(array.dtype),
                 "reference_dtype": str(reference.dtype)}
        if array.shape == reference.shape:
            entry["differing_samples"] = int((array != reference).sum())
        result["levels"][str(level)] = entry
    print(json.dumps(result))


if __name__ == "__main__":
    main()
