"""Compare a zarr slide group (exported or mounted) with an independent reader of the slide.

usage: zarr_vs_reference.py [--open=HOW] [--series=N] GROUP SLIDE LAYOUT [LEVEL...]

HOW is how each level is opened: "group" (the default: zarr.open_group on the slide, then its member),
"fsstore" (what ome-zarr-py up to 0.11 does for an OME-NGFF image: an FSStore on the level's own path with
dimension_separator "/"), "plain" (zarr.open on the level's path), "xarray" (xarray.open_zarr on the slide,
every other level dropped, as xarray needs: the levels share dimension names), "xarray-unmasked" (the same with
mask_and_scale=False). With --series=N (N > 0) the group compared is GROUP/series/N, the slide's other series as
PadoFs serves it, and the reference is tifffile's series[N] (OpenSlide shows a file's first image only).

In the ome-ngff layout the reference is moved to the array's axes (its _ARRAY_DIMENSIONS), samples or channels
as c. Reference pixels: for OpenSlide's vendor formats, openslide-python's read_region of the whole level (composited
over the slide's background colour by PadoFs's documented rule); for every other TIFF (what OpenSlide calls
generic-tiff, or cannot open), tifffile's series 0 levels, as pado reads them (where tifffile lacks the codec,
Pillow's libtiff, libvips for pages in SubIFDs, GDAL for JPEG pages of grey plus alpha, which Pillow refuses).
Prints one JSON object: per level the shapes, dtypes, axis names (the array's _ARRAY_DIMENSIONS and the reference's
axes as the layout names them) and how many samples differ.
"""
import contextlib
import json
import sys

import numpy as np
import zarr


def openslide_levels(path):
    import openslide
    if openslide.OpenSlide.detect_format(path) in (None, "generic-tiff"):
        return None
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

    return slide.level_count, read, ["YXS"] * slide.level_count


def tifffile_levels(path, series_index=0):
    import tifffile
    tif = tifffile.TiffFile(path)
    series = tif.series[series_index]

    def read(level):
        try:
            return series.levels[level].asarray()
        except ValueError:
            # Without imagecodecs tifffile decodes no LZW, PackBits or JPEG: Pillow's libtiff reads those pages (of the
            # main IFD chain), samples interleaved, which are moved to where tifffile puts them; GDAL the files Pillow
            # refuses (JPEG of grey plus alpha).
            from PIL import Image
            planes = []
            try:
                image = Image.open(path)
            except OSError:
                image = None
            with image or contextlib.nullcontext():
                for page in series.levels[level].pages:
                    if len(page.treeindex) > 1:
                        planes.append(vips_subifd(path, page))
                        continue
                    if image is None:
                        planes.append(gdal_page(path, page))
                        continue
                    image.seek(page.index)
                    plane = stored_orientation(np.asarray(image), page)
                    if page.keyframe.planarconfig == 2 and plane.ndim == 3:
                        plane = np.moveaxis(plane, -1, 0)
                    planes.append(plane)
            return np.stack(planes).reshape(series.levels[level].shape)

    return len(series.levels), read, [series.levels[level].axes for level in range(len(series.levels))]


def gdal_page(path, page):
    """A page of the main IFD chain decoded by GDAL (libtiff and libjpeg), samples as tifffile's page axes put them."""
    from osgeo import gdal
    gdal.UseExceptions()
    dataset = gdal.Open(f"GTIFF_DIR:{page.index + 1}:{path}")
    bands = [dataset.GetRasterBand(band + 1).ReadAsArray() for band in range(dataset.RasterCount)]
    return np.stack(bands, 0 if page.keyframe.planarconfig == 2 else -1).reshape(page.shape)


def vips_subifd(path, page):
    """A page in a SubIFD, which Pillow cannot reach, decoded by libvips."""
    import subprocess
    import tempfile
    parent, subifd = page.treeindex
    with tempfile.TemporaryDirectory() as work:
        raw = f"{work}/page.raw"
        subprocess.run(["vips", "rawsave", f"{path}[page={parent},subifd={subifd}]", raw], check=True)
        return np.fromfile(raw, dtype=page.dtype).reshape(page.shape)


def stored_orientation(pixels, page):
    """Pillow's libtiff hands out a JPEG page turned as its Orientation tag says; tifffile keeps the stored order."""
    orientation = page.tags.get("Orientation")
    flips = {None: (), 1: (), 2: (1,), 3: (0, 1), 4: (0,)}[orientation.value if orientation else None]
    return np.flip(pixels, flips) if flips else pixels


def to_ngff(reference, axes, dimensions):
    """The reference (over tifffile's axes) over the array's NGFF dimensions: samples or channels as c, c of 1 added."""
    names = ["c" if axis in "CS" else axis.lower() for axis in axes]
    if "c" not in names:
        reference = reference[np.newaxis]
        names = ["c"] + names
    return np.transpose(reference, [names.index(dimension) for dimension in dimensions])


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
    if how == "gdal":
        from osgeo import gdal
        gdal.UseExceptions()
        root = gdal.OpenEx(group_path, gdal.OF_MULTIDIM_RASTER).GetRootGroup()

        def open_with_gdal(level):
            values = root.OpenMDArray(str(level)).ReadAsArray()
            stored = group[str(level)].dtype
            # GDAL before 3.7 has no signed 8-bit type: it widens int8 to int16, which narrows back without loss.
            return values.astype(stored) if values.dtype != stored and np.can_cast(stored, values.dtype) else values
        return open_with_gdal
    raise SystemExit(f"unknown --open={how}")


def layout_dimensions(axes, layout):
    """The names the layout gives the axes of an array over tifffile's axes: tifffile's own, or the NGFF ones."""
    if layout != "ome-ngff":
        return list(axes)
    names = ["c" if axis in "CS" else axis.lower() for axis in axes]
    return [name for name in "tczyx" if name in names or name == "c"]


def in_layout(reference, axes, layout):
    """The reference (over tifffile's axes) as the layout's array: as it is for pado; for ome-ngff over the NGFF
    axes (t, c, z, y, x) it has, samples or channels as c, a c of 1 where it has neither."""
    if layout != "ome-ngff":
        return reference
    names = ["c" if axis in "CS" else axis.lower() for axis in axes]
    return to_ngff(reference, axes, [name for name in "tczyx" if name in names or name == "c"])


def main():
    arguments = sys.argv[1:]
    how = "group"
    series = 0
    while arguments and arguments[0].startswith("--"):
        option, _, value = arguments.pop(0).partition("=")
        if option == "--open":
            how = value
        elif option == "--series":
            series = int(value)
        else:
            raise SystemExit(f"unknown option {option}")
    group_path, slide_path, layout = arguments[:3]
    if series:
        group_path = f"{group_path}/series/{series}"
    wanted = [int(level) for level in arguments[3:]]
    group = zarr.open_group(group_path, mode="r")
    open_level = level_opener(how, group_path, group)
    count, read, reference_axes = (series == 0 and openslide_levels(slide_path)) or tifffile_levels(slide_path, series)
    result = {"levels": {}, "group_levels": sorted(k for k in group.array_keys())}
    for level in wanted or range(count):
        reference = read(level)
        array = open_level(level)[:]
        dimensions = group[str(level)].attrs.get("_ARRAY_DIMENSIONS")
        reference_dimensions = layout_dimensions(reference_axes[level], layout)
        reference = in_layout(reference, reference_axes[level], layout)
        entry = {"shape": list(array.shape), "reference_shape": list(reference.shape), "dtype": str(array.dtype),
                 "reference_dtype": str(reference.dtype), "dimensions": dimensions,
                 "reference_dimensions": reference_dimensions}
        if array.shape == reference.shape:
            entry["differing_samples"] = int((array != reference).sum())
        result["levels"][str(level)] = entry
    print(json.dumps(result))


if __name__ == "__main__":
    main()
