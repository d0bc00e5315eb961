"""Write DICOM whole-slide fixtures with pydicom (and check each with dcmtk's dcmdump), from the shared SVS slides.

usage: make_dicom_slides.py SHARED_SLIDES OUT_DIR

As wsidicomizer converts an SVS: tifffile gives each JPEG tile's stored bytes and the page's JPEGTables, joined
into complete JPEG streams, one frame per tile, one TILED_FULL instance per level. Written (each a folder):
  cmu/       cmu-1-small-region.svs: level 0 JPEG (RGB, Basic Offset Table), level 1 uncompressed (explicit VR),
             level 2 lossless JPEG 2000 YBR_RCT (Pillow), label uncompressed (implicit VR), macro JPEG YBR_FULL_422
             (Pillow), thumbnail uncompressed; beside them a Secondary Capture instance of the same series and a
             text file, which are no part of the slide
  tcga/      tcga-cr-7395.svs: both levels' JPEG 2000 tiles (YBR_ICT)
  sparse/    cmu level 0 re-encoded by Pillow as YBR_FULL_422, TILED_SPARSE, every fifth tile missing, frames in reverse
  concat/    cmu level 0 in a concatenation of 3 instances: Basic Offset Table; Extended Offset Table; 2 fragments a frame
  boxes/     copies of the shared boxes_0.dcm (VOLUME) and boxes_1.dcm (THUMBNAIL) with a text file
  broken-*/  one broken instance each: truncated, bad-offset, unsupported-syntax, focal-planes, huge-length; and
             broken folders: two-series (instances of two series), bad-member (a truncated instance among good
             ones), no-dicom (a text file only)
Prints a JSON manifest: per slide the file to open (and, for cmu, concat and boxes, the folder to open as
"NAME-folder"); for a broken one, the file or folder and what its error must say.
"""
import io
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import openslide
import pydicom
import tifffile
from PIL import Image
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate, encapsulate_extended
from pydicom.sequence import Sequence
from pydicom.uid import (ExplicitVRLittleEndian, ImplicitVRLittleEndian, JPEG2000, JPEG2000Lossless, JPEGBaseline8Bit,
                         JPEGLSLossless, generate_uid)

WSI_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.77.1.6"
MPP = 0.499


def svs_tiles(path, page_index):
    """The page's tiles as complete streams (JPEGTables joined to each JPEG tile), row-major, and its geometry."""
    with tifffile.TiffFile(path) as tif:
        page = tif.pages[page_index]
        tables = page.jpegtables
        frames = []
        with open(path, "rb") as fh:
            for offset, count in zip(page.dataoffsets, page.databytecounts):
                fh.seek(offset)
                data = fh.read(count)
                if tables is not None:
                    data = tables[:-2] + data[2:]
                frames.append(data)
        return frames, page.imagewidth, page.imagelength, page.tilewidth, page.tilelength


def base_dataset(series, flavor, width, height, tile_w, tile_h, frames, syntax, photometric, mpp=MPP):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = WSI_SOP_CLASS
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = syntax
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = syntax == ImplicitVRLittleEndian
    ds.SOPClassUID = WSI_SOP_CLASS
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = series["study"]
    ds.SeriesInstanceUID = series["series"]
    ds.FrameOfReferenceUID = series["frame"]
    ds.Modality = "SM"
    ds.Manufacturer = "pydicom fixture"
    ds.ContainerIdentifier = "FIXTURE_1"
    ds.ImageType = ["ORIGINAL" if flavor == "VOLUME" else "DERIVED", "PRIMARY", flavor, "NONE"]
    ds.SamplesPerPixel = 3
    ds.PhotometricInterpretation = photometric
    ds.PlanarConfiguration = 0
    ds.NumberOfFrames = frames
    ds.Rows = tile_h
    ds.Columns = tile_w
    ds.BitsAllocated = 8
    ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    ds.TotalPixelMatrixColumns = width
    ds.TotalPixelMatrixRows = height
    ds.TotalPixelMatrixFocalPlanes = 1
    ds.NumberOfOpticalPaths = 1
    ds.DimensionOrganizationType = "TILED_FULL"
    path = Dataset()
    path.OpticalPathIdentifier = "0"
    path.ObjectiveLensPower = 20
    path.ICCProfile = bytes(range(256)) * 2
    ds.OpticalPathSequence = Sequence([path])
    measures = Dataset()
    measures.PixelSpacing = [mpp / 1000 * 1.0, mpp / 1000 * 1.0]
    measures.SliceThickness = 0.001
    shared = Dataset()
    shared.PixelMeasuresSequence = Sequence([measures])
    ds.SharedFunctionalGroupsSequence = Sequence([shared])
    return ds


def set_encapsulated(ds, frames, table="basic", fragments_per_frame=1):
    # Fragments are of even length; JPEG decoders ignore the padding after the end-of-image marker.
    frames = [frame + b"\0" if len(frame) % 2 else frame for frame in frames]
    if table == "extended":
        pixels, offsets, lengths = encapsulate_extended(frames)
        ds.ExtendedOffsetTable = offsets
        ds.ExtendedOffsetTableLengths = lengths
    else:
        pixels = encapsulate(frames, fragments_per_frame=fragments_per_frame, has_bot=table == "basic")
    ds.PixelData = pixels
    ds["PixelData"].VR = "OB"
    ds["PixelData"].is_undefined_length = True


def set_native(ds, frames):
    ds.PixelData = b"".join(frames)
    ds["PixelData"].VR = "OB" if not ds.is_implicit_VR else "OW"


def save(ds, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    ds.save_as(path, write_like_original=False)
    # dcmtk, a reader nobody here wrote, must parse every fixture whole.
    subprocess.run(["dcmdump", "-q", "+E", path], check=True, stdout=subprocess.DEVNULL)


def native_tiles(rgb, tile_w, tile_h):
    """An RGB array cut into full tiles (edge tiles padded with white), row-major, as raw frames."""
    height, width = rgb.shape[:2]
    frames = []
    for y in range(0, height, tile_h):
        for x in range(0, width, tile_w):
            tile = np.full((tile_h, tile_w, 3), 255, np.uint8)
            part = rgb[y:y + tile_h, x:x + tile_w]
            tile[:part.shape[0], :part.shape[1]] = part
            frames.append(tile.tobytes())
    return frames


def pillow_jpeg(rgb_tile_bytes, tile_w, tile_h):
    image = Image.frombytes("RGB", (tile_w, tile_h), rgb_tile_bytes)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90, subsampling=1)
    return out.getvalue()


def pillow_j2k_lossless(rgb_tile_bytes, tile_w, tile_h):
    """A reversible JPEG 2000 codestream with the reversible colour transform (DICOM's YBR_RCT)."""
    image = Image.frombytes("RGB", (tile_w, tile_h), rgb_tile_bytes)
    out = io.BytesIO()
    image.save(out, format="JPEG2000", irreversible=False, mct=1, no_jp2=True)
    return out.getvalue()


def secondary_capture(series):
    """A Secondary Capture instance (not VL Whole Slide Microscopy) of the series: no part of the slide."""
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.SOPClassUID = meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = series["study"]
    ds.SeriesInstanceUID = series["series"]
    ds.Modality = "OT"
    ds.ImageType = ["DERIVED", "SECONDARY"]
    ds.SamplesPerPixel = 3
    ds.PhotometricInterpretation = "RGB"
    ds.PlanarConfiguration = 0
    ds.Rows = ds.Columns = 8
    ds.BitsAllocated = ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    ds.PixelData = bytes(8 * 8 * 3)
    return ds


def boxes(shared, out):
    folder = os.path.join(out, "boxes")
    os.makedirs(folder, exist_ok=True)
    for name in ["boxes_0.dcm", "boxes_1.dcm"]:
        shutil.copyfile(os.path.join(shared, name), os.path.join(folder, name))
    with open(os.path.join(folder, "README.txt"), "w") as f:
        f.write("the boxes fixture of openslide-python\n")
    return folder


def new_series():
    return {"study": generate_uid(), "series": generate_uid(), "frame": generate_uid()}


def cmu(shared, out):
    svs = os.path.join(shared, "cmu-1-small-region.svs")
    series = new_series()
    frames, width, height, tw, th = svs_tiles(svs, 0)
    ds = base_dataset(series, "VOLUME", width, height, tw, th, len(frames), JPEGBaseline8Bit, "RGB")
    set_encapsulated(ds, frames)
    save(ds, os.path.join(out, "cmu", "level0.dcm"))

    slide = openslide.OpenSlide(svs)
    level0 = np.asarray(slide.read_region((0, 0), 0, slide.dimensions).convert("RGB"))
    half = np.asarray(Image.fromarray(level0).reduce(2))
    tiles = native_tiles(half, 256, 256)
    ds = base_dataset(series, "VOLUME", half.shape[1], half.shape[0], 256, 256, len(tiles), ExplicitVRLittleEndian, "RGB", MPP * 2)
    set_native(ds, tiles)
    save(ds, os.path.join(out, "cmu", "level1.dcm"))

    quarter = np.asarray(Image.fromarray(level0).reduce(4))
    tiles = [pillow_j2k_lossless(tile, 128, 128) for tile in native_tiles(quarter, 128, 128)]
    ds = base_dataset(series, "VOLUME", quarter.shape[1], quarter.shape[0], 128, 128, len(tiles), JPEG2000Lossless, "YBR_RCT", MPP * 4)
    set_encapsulated(ds, tiles, table="none")
    save(ds, os.path.join(out, "cmu", "level2.dcm"))

    save(secondary_capture(series), os.path.join(out, "cmu", "capture.dcm"))
    with open(os.path.join(out, "cmu", "notes.txt"), "w") as f:
        f.write("not a DICOM file\n")

    for name, flavor, syntax in [("label", "LABEL", ImplicitVRLittleEndian), ("macro", "OVERVIEW", JPEGBaseline8Bit),
                                 ("thumbnail", "THUMBNAIL", ExplicitVRLittleEndian)]:
        rgb = np.asarray(slide.associated_images[name].convert("RGB"))
        h, w = rgb.shape[:2]
        if syntax == JPEGBaseline8Bit:
            ds = base_dataset(series, flavor, w, h, w, h, 1, syntax, "YBR_FULL_422")
            set_encapsulated(ds, [pillow_jpeg(rgb.tobytes(), w, h)])
        else:
            ds = base_dataset(series, flavor, w, h, w, h, 1, syntax, "RGB")
            set_native(ds, [rgb.tobytes()])
        save(ds, os.path.join(out, "cmu", name + ".dcm"))
    return os.path.join(out, "cmu", "level0.dcm")


def tcga(shared, out):
    svs = os.path.join(shared, "tcga-cr-7395.svs")
    series = new_series()
    for level, page in enumerate([0, 2]):
        frames, width, height, tw, th = svs_tiles(svs, page)
        ds = base_dataset(series, "VOLUME", width, height, tw, th, len(frames), JPEG2000, "YBR_ICT")
        del ds.SharedFunctionalGroupsSequence
        set_encapsulated(ds, frames)
        save(ds, os.path.join(out, "tcga", f"level{level}.dcm"))
    return os.path.join(out, "tcga", "level1.dcm")


def sparse(shared, out):
    svs = os.path.join(shared, "cmu-1-small-region.svs")
    series = new_series()
    slide = openslide.OpenSlide(svs)
    level0 = np.asarray(slide.read_region((0, 0), 0, slide.dimensions).convert("RGB"))
    width, height, tw, th = slide.dimensions[0], slide.dimensions[1], 240, 240
    tiles = native_tiles(level0, tw, th)
    across = (width + tw - 1) // tw
    kept = [i for i in range(len(tiles)) if i % 5 != 2][::-1]
    frames = [pillow_jpeg(tiles[i], tw, th) for i in kept]
    ds = base_dataset(series, "VOLUME", width, height, tw, th, len(frames), JPEGBaseline8Bit, "YBR_FULL_422")
    ds.DimensionOrganizationType = "TILED_SPARSE"
    items = []
    for i in kept:
        position = Dataset()
        position.ColumnPositionInTotalImagePixelMatrix = (i % across) * tw + 1
        position.RowPositionInTotalImagePixelMatrix = (i // across) * th + 1
        position.XOffsetInSlideCoordinateSystem = 1.0
        position.YOffsetInSlideCoordinateSystem = 2.0
        position.ZOffsetInSlideCoordinateSystem = 0.5
        item = Dataset()
        item.PlanePositionSlideSequence = Sequence([position])
        items.append(item)
    ds.PerFrameFunctionalGroupsSequence = Sequence(items)
    set_encapsulated(ds, frames, table="none")
    save(ds, os.path.join(out, "sparse", "slide.dcm"))
    return os.path.join(out, "sparse", "slide.dcm")


def concat(shared, out):
    svs = os.path.join(shared, "cmu-1-small-region.svs")
    series = new_series()
    frames, width, height, tw, th = svs_tiles(svs, 0)
    uid = generate_uid()
    cuts = [0, len(frames) // 3, 2 * len(frames) // 3, len(frames)]
    for number, (table, per_frame) in enumerate([("basic", 1), ("extended", 1), ("basic", 2)], start=1):
        part = frames[cuts[number - 1]:cuts[number]]
        ds = base_dataset(series, "VOLUME", width, height, tw, th, len(part), JPEGBaseline8Bit, "RGB")
        ds.ConcatenationUID = uid
        ds.SOPInstanceUIDOfConcatenationSource = generate_uid()
        ds.InConcatenationNumber = number
        ds.InConcatenationTotalNumber = 3
        ds.ConcatenationFrameOffsetNumber = cuts[number - 1]
        set_encapsulated(ds, part, table=table, fragments_per_frame=per_frame)
        save(ds, os.path.join(out, "concat", f"part{number}.dcm"))
    return os.path.join(out, "concat", "part2.dcm")


def broken(shared, out):
    source = os.path.join(out, "cmu", "level0.dcm")
    with open(source, "rb") as f:
        whole = f.read()
    cases = {}

    def write(name, data, reason):
        path = os.path.join(out, "broken-" + name, "slide.dcm")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        cases[name] = {"path": path, "reason": reason}

    write("truncated", whole[:len(whole) * 2 // 3], "truncated")

    ds = pydicom.dcmread(source)
    frames = [f for f in pydicom.encaps.generate_pixel_data_frame(ds.PixelData, int(ds.NumberOfFrames))]
    pixels = encapsulate(frames, has_bot=True)
    bot = bytearray(pixels)
    # the second frame's offset, moved into the middle of the first fragment
    bot[12:16] = (int.from_bytes(bot[12:16], "little") - 10).to_bytes(4, "little")
    ds.PixelData = bytes(bot)
    ds["PixelData"].is_undefined_length = True
    buffer = io.BytesIO()
    ds.save_as(buffer, write_like_original=False)
    write("bad-offset", buffer.getvalue(), "bad offset")

    ds = pydicom.dcmread(source)
    ds.file_meta.TransferSyntaxUID = JPEGLSLossless
    buffer = io.BytesIO()
    ds.save_as(buffer, write_like_original=False)
    write("unsupported-syntax", buffer.getvalue(), "unsupported transfer syntax 1.2.840.10008.1.2.4.80")

    ds = pydicom.dcmread(source)
    ds.TotalPixelMatrixFocalPlanes = 2
    buffer = io.BytesIO()
    ds.save_as(buffer, write_like_original=False)
    write("focal-planes", buffer.getvalue(), "several focal planes")

    # ContainerIdentifier (LO) given a 4-byte length by a rewrite of its explicit-VR header: the rest is gibberish
    ds = pydicom.dcmread(source)
    buffer = io.BytesIO()
    ds.save_as(buffer, write_like_original=False)
    data = bytearray(buffer.getvalue())
    at = data.find(b"\x40\x00\x12\x05UC")
    if at < 0:
        at = data.find(b"\x40\x00\x12\x05LO")
    data[at + 4:at + 8] = b"OB\x00\x00"
    data[at + 8:at + 12] = (0x00FFFFF0).to_bytes(4, "little")
    write("huge-length", bytes(data), "truncated or a bad length")

    def folder(name, files, reason):
        path = os.path.join(out, "broken-" + name)
        os.makedirs(path)
        for target, (source, length) in files.items():
            with open(source, "rb") as f:
                data = f.read()
            with open(os.path.join(path, target), "wb") as f:
                f.write(data[:length])
        cases[name] = {"path": path, "reason": reason}

    label = os.path.join(out, "cmu", "label.dcm")
    thumbnail = os.path.join(out, "cmu", "thumbnail.dcm")
    folder("two-series", {"a.dcm": (label, None), "b.dcm": (os.path.join(shared, "boxes_0.dcm"), None)}, "instances of 2 series")
    folder("bad-member", {"label.dcm": (thumbnail, None), "cut.dcm": (label, os.path.getsize(label) * 2 // 3)},
           "cut.dcm: the native pixel data (7FE0,0010)")
    folder("no-dicom", {"notes.txt": (os.path.join(out, "cmu", "notes.txt"), None)}, "holding no DICOM file")
    return cases


def main():
    shared, out = sys.argv[1:3]
    manifest = {"slides": {"cmu": cmu(shared, out), "tcga": tcga(shared, out), "sparse": sparse(shared, out),
                           "concat": concat(shared, out)}}
    manifest["slides"]["boxes-folder"] = boxes(shared, out)
    for name in ["cmu", "concat"]:
        manifest["slides"][name + "-folder"] = os.path.dirname(manifest["slides"][name])
    manifest["broken"] = broken(shared, out)
    print(json.dumps(manifest))


main()
