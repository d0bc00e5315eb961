#!/usr/bin/python3
"""What openslide-python reads from a slide, for comparison with PadoFs's OpenSlide backend.

  openslide_region.py info SLIDE
      JSON: library version, vendor, levels, properties, associated image sizes.
  openslide_region.py regions SLIDE OUTDIR LEVEL,X,Y,W,H ...
      For each region (X, Y in level-0 pixels, W x H in level pixels) writes OUTDIR/region-<i>.rgb, the
      H x W x 3 bytes of read_region composited over the background colour; JSON: per region the counts of
      transparent and partly transparent pixels.
  openslide_region.py associated SLIDE OUTDIR
      Writes OUTDIR/associated-<i>.rgb per associated image, composited the same way; JSON: name, size, file.
  openslide_region.py errors SLIDE
      JSON: whether OpenSlide recognises the file, the error opening it, and the error reading pixels.

Compositing (the documented PadoFs rule): with premultiplied channel c and alpha a, the result is
c + round(bg * (255 - a) / 255). openslide-python hands out un-premultiplied RGBA, computed as
floor(255 * c / a); since a / 255 < 1 at most one integer c maps to that value, so c = ceil(v * a / 255)
recovers OpenSlide's premultiplied value exactly.
"""

import json
import os
import sys

import numpy as np
import openslide


def background(slide):
    value = slide.properties.get(openslide.PROPERTY_NAME_BACKGROUND_COLOR)
    if value is None:
        return np.array([255, 255, 255], dtype=np.int64)
    return np.array([int(value[i:i + 2], 16) for i in (0, 2, 4)], dtype=np.int64)


def composite(image, bg):
    rgba = np.asarray(image, dtype=np.int64)
    alpha = rgba[..., 3:4]
    premultiplied = (rgba[..., :3] * alpha + 254) // 255
    rgb = premultiplied + (bg * (255 - alpha) + 127) // 255
    return rgb.astype(np.uint8), int((alpha == 0).sum()), int(((alpha > 0) & (alpha < 255)).sum())


def info(path):
    slide = openslide.OpenSlide(path)
    return {
        "library_version": openslide.__library_version__,
        "vendor": openslide.OpenSlide.detect_format(path),
        "levels": [
            {"width": w, "height": h, "downsample": d}
            for (w, h), d in zip(slide.level_dimensions, slide.level_downsamples)
        ],
        "properties": dict(slide.properties),
        "associated": {name: list(image.size) for name, image in slide.associated_images.items()},
    }


def regions(path, outdir, specs):
    slide = openslide.OpenSlide(path)
    bg = background(slide)
    results = []
    for index, spec in enumerate(specs):
        level, x, y, w, h = (int(part) for part in spec.split(","))
        rgb, transparent, partial = composite(slide.read_region((x, y), level, (w, h)), bg)
        file = os.path.join(outdir, f"region-{index}.rgb")
        with open(file, "wb") as out:
            out.write(rgb.tobytes())
        results.append({"spec": spec, "file": file, "transparent": transparent, "partial": partial})
    return results


def associated(path, outdir):
    slide = openslide.OpenSlide(path)
    bg = background(slide)
    results = []
    for index, (name, image) in enumerate(sorted(slide.associated_images.items())):
        rgb, _, _ = composite(image, bg)
        file = os.path.join(outdir, f"associated-{index}.rgb")
        with open(file, "wb") as out:
            out.write(rgb.tobytes())
        results.append({"name": name, "width": image.size[0], "height": image.size[1], "file": file})
    return results


def errors(path):
    result = {"vendor": openslide.OpenSlide.detect_format(path), "open": None, "read": None}
    try:
        slide = openslide.OpenSlide(path)
    except openslide.OpenSlideUnsupportedFormatError:
        result["open"] = "unsupported"
        return result
    except openslide.OpenSlideError as error:
        result["open"] = str(error)
        return result
    try:
        w, h = slide.level_dimensions[0]
        slide.read_region((0, 0), 0, (w, h))
    except openslide.OpenSlideError as error:
        result["read"] = str(error)
    return result


def main(argv):
    command, path = argv[1], argv[2]
    if command == "info":
        result = info(path)
    elif command == "regions":
        result = regions(path, argv[3], argv[4:])
    elif command == "associated":
        result = associated(path, argv[3])
    elif command == "errors":
        result = errors(path)
    else:
        raise SystemExit(f"unknown command {command}")
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
