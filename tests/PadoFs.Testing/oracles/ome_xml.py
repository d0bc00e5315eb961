"""What Bio-Formats' OME-Zarr reader (ZarrReader 0.6.0, QuPath's) takes from a slide's zarr folder, read with
code of its own, and what an independent reader says of the slide.

usage: ome_xml.py FOLDER SLIDE

- "schema_errors": what FOLDER/OME/METADATA.ome.xml breaks of the OME 2016-06 schema's rules for what it holds
  (root, Image, Pixels, Channel, MetadataOnly: namespace, element order, required attributes, ID patterns, enumerated
  and numeric values), checked here by code of our own since the schema file is not on this machine.
- "images": every Image of that document as xml.etree parses it: name, Pixels sizes, type, physical sizes and
  their units, channels with name, samples per pixel and colour unpacked from OME's signed RGBA int.
- "series": the zarr images in the order ZarrReader numbers them, modelled on its source: every array found
  below FOLDER that no multiscales lists comes first, one image each; then the images of every multiscales, the
  root's first, then those of each group, groups taken in the order of their paths (fewer parts first; per
  part numbers before names, numbers by value, names by code unit). Each with its path, level count, and X, Y, C
  read from the first level's .zarray by the multiscales' axis names.
- "reference": openslide-python's level 0 size, mpp and associated image sizes, or tifffile's series 0 for a
  file OpenSlide cannot open.
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

NS = {"ome": "http://www.openmicroscopy.org/Schemas/OME/2016-06"}
OME = "{%s}" % NS["ome"]
DIMENSION_ORDERS = {"XYZCT", "XYZTC", "XYCTZ", "XYCZT", "XYTCZ", "XYTZC"}
PIXEL_TYPES = {"int8", "int16", "int32", "uint8", "uint16", "uint32", "float", "double", "bit", "complex",
               "double-complex"}
LENGTH_UNITS = {"Ym", "Zm", "Em", "Pm", "Tm", "Gm", "Mm", "km", "hm", "dam", "m", "dm", "cm", "mm", "\u00b5m", "nm",
                "pm", "fm", "am", "zm", "ym", "\u00c5", "thou", "li", "in", "ft", "yd", "mi", "ua", "ly", "pc", "pt",
                "pixel", "reference frame"}


def read_json(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def schema_errors(document):
    errors = []

    def need(condition, message):
        if not condition:
            errors.append(message)

    def positive_int(element, name):
        value = element.get(name)
        need(value is not None and value.isdigit() and int(value) >= 1, f"{element.tag} {name}={value!r}")

    root = ElementTree.parse(document).getroot()
    need(root.tag == OME + "OME", f"root is {root.tag}")
    for image in root:
        need(image.tag == OME + "Image", f"unexpected {image.tag} in OME")
        need(re.fullmatch(r"Image:\S+", image.get("ID", "")) is not None, f"Image ID {image.get('ID')!r}")
        children = list(image)
        need(len(children) == 1 and children[0].tag == OME + "Pixels", "Image must hold exactly one Pixels")
        for pixels in children:
            need(re.fullmatch(r"Pixels:\S+", pixels.get("ID", "")) is not None, f"Pixels ID {pixels.get('ID')!r}")
            need(pixels.get("DimensionOrder") in DIMENSION_ORDERS, f"DimensionOrder {pixels.get('DimensionOrder')!r}")
            need(pixels.get("Type") in PIXEL_TYPES, f"Type {pixels.get('Type')!r}")
            for axis in "XYZCT":
                positive_int(pixels, "Size" + axis)
            for axis in "XY":
                size = pixels.get("PhysicalSize" + axis)
                if size is not None:
                    need(float(size) > 0, f"PhysicalSize{axis}={size}")
                unit = pixels.get(f"PhysicalSize{axis}Unit")
                need(unit is None or unit in LENGTH_UNITS, f"PhysicalSize{axis}Unit {unit!r}")
            for flag in ("Interleaved", "BigEndian"):
                need(pixels.get(flag) in (None, "true", "false"), f"{flag}={pixels.get(flag)!r}")
            tags = [child.tag for child in pixels]
            channels = [child for child in pixels if child.tag == OME + "Channel"]
            need(tags == [OME + "Channel"] * len(channels) + [OME + "MetadataOnly"],
                 f"Pixels must hold Channels, then MetadataOnly: {tags}")
            for channel in channels:
                need(re.fullmatch(r"Channel:\S+", channel.get("ID", "")) is not None, f"Channel ID {channel.get('ID')!r}")
                if channel.get("SamplesPerPixel") is not None:
                    positive_int(channel, "SamplesPerPixel")
                color = channel.get("Color")
                need(color is None or (re.fullmatch(r"-?\d+", color) is not None and -2**31 <= int(color) < 2**31),
                     f"Channel Color {color!r}")
    return errors


def unpack_rgba(value):
    value &= 0xFFFFFFFF
    return [(value >> 24) & 0xFF, (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF]


def number(text):
    return None if text is None else float(text)


def ome_images(document):
    images = []
    for image in ElementTree.parse(document).getroot().findall("ome:Image", NS):
        pixels = image.find("ome:Pixels", NS)
        images.append({
            "name": image.get("Name"),
            "size": {axis: int(pixels.get("Size" + axis)) for axis in "XYZCT"},
            "type": pixels.get("Type"),
            "physical_size": [number(pixels.get("PhysicalSizeX")), number(pixels.get("PhysicalSizeY"))],
            "units": [pixels.get("PhysicalSizeXUnit"), pixels.get("PhysicalSizeYUnit")],
            "channels": [{
                "name": channel.get("Name"),
                "samples": int(channel.get("SamplesPerPixel", "1")),
                "rgba": unpack_rgba(int(channel.get("Color", "-1"))),
            } for channel in pixels.findall("ome:Channel", NS)],
        })
    return images


def part_key(part):
    is_int = part.lstrip("-").isdigit() and part != "-"
    return (0, int(part), "") if is_int else (1, 0, [ord(c) for c in part])


def group_key(path):
    parts = path.split("/")
    return (len(parts), [part_key(p) for p in parts])


def nodes(root, document):
    found = []
    for folder, _, files in os.walk(root):
        if document in files:
            found.append(os.path.relpath(folder, root).replace(os.sep, "/"))
    return ["" if path == "." else path for path in found]


def sizes(root, path, axes):
    shape = read_json(os.path.join(root, path, ".zarray"))["shape"]
    names = axes or ["t", "c", "z", "y", "x"][-len(shape):]
    size = {name: shape[names.index(name)] if name in names else 1 for name in ("x", "y", "c")}
    return {"X": size["x"], "Y": size["y"], "C": size["c"]}


def reader_series(root):
    arrays = sorted(nodes(root, ".zarray"))
    groups = sorted((g for g in nodes(root, ".zgroup") if g != ""), key=group_key)
    listed = []
    for key in [""] + groups:
        attributes = read_json(os.path.join(root, key, ".zattrs")) or {}
        for multiscale in attributes.get("multiscales", []):
            axes = [a["name"] if isinstance(a, dict) else a for a in multiscale.get("axes", [])]
            paths = [(key + "/" if key else "") + d["path"] for d in multiscale["datasets"]]
            if "labels" not in paths[0].lower():
                listed.append({"path": paths[0], "levels": len(paths), "axes": axes, "all": paths})
    in_multiscales = {path for series in listed for path in series["all"]}
    loose = [{"path": path, "levels": 1, "axes": None} for path in arrays if path not in in_multiscales]
    return [{"path": s["path"], "levels": s["levels"], "size": sizes(root, s["path"], s["axes"])} for s in loose + listed]


def reference(path):
    import openslide
    try:
        slide = openslide.OpenSlide(path)
    except openslide.OpenSlideError:
        import tifffile
        shape = tifffile.TiffFile(path).series[0].levels[0].shape
        return {"width": shape[1], "height": shape[0], "samples": shape[2] if len(shape) > 2 else 1, "levels": None,
                "mpp": None, "associated": {}}
    mpp = [slide.properties.get("openslide.mpp-x"), slide.properties.get("openslide.mpp-y")]
    width, height = slide.dimensions
    return {
        "width": width,
        "height": height,
        "samples": 3,
        "levels": slide.level_count,
        "mpp": [float(v) for v in mpp] if None not in mpp else None,
        "associated": {name: list(image.size) for name, image in slide.associated_images.items()},
    }


folder, slide_path = sys.argv[1:3]
document = os.path.join(folder, "OME", "METADATA.ome.xml")
print(json.dumps({
    "schema_errors": schema_errors(document),
    "images": ome_images(document),
    "series": reader_series(folder),
    "reference": reference(slide_path),
}))
