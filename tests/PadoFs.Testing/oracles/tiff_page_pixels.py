#!/usr/bin/python3
"""Every page of a TIFF as an independent reader decodes it, and a corpus of pages of every sample format.

  tiff_page_pixels.py corpus OUTDIR
      Writes small TIFFs into OUTDIR: signed and unsigned 8/16/32-bit and 16/32/64-bit float samples, big- and
      little-endian, horizontal and floating-point predictors, planar RGB, RGBA, min-is-white, palette, ZSTD,
      WebP and JPEG 2000 (tifffile writes what it can encode without imagecodecs; libvips re-encodes tifffile's
      uncompressed files for the rest), and JPEG pages of grey plus extra samples in one stream or in separate
      planes (GDAL writes those). Prints the JSON list of file names.
  tiff_page_pixels.py pages FILE OUTDIR
      For every page (the main IFD chain, then the SubIFD pages tifffile's series reach), writes
      OUTDIR/<IFD offset>.raw: the page as tifffile's page.asarray() gives it (axes YX, YXS or SYX, tifffile's
      dtype), little-endian. tifffile decodes where Debian's tifffile can without imagecodecs; Pillow's
      OpenJPEG decoder decodes JPEG 2000 chunk by chunk, giving the components as imagecodecs' jpeg2k_decode
      does for tifffile (libvips would turn every 3-band one from YCbCr to RGB); libvips or Pillow (libtiff)
      decode the other compressions, and GDAL (libtiff and libjpeg) the JPEG pages of more than one grey
      sample, which libvips and Pillow refuse. Prints JSON: per page its offset, shape, dtype and reader,
      or the reason no reader here decodes it.
"""

import io
import json
import os
import subprocess
import sys
import tempfile

import numpy
import tifffile
from PIL import Image

# What Debian's tifffile decodes without imagecodecs.
TIFFFILE_COMPRESSIONS = (1, 8, 32946, 34925)
JPEG_2000_COMPRESSIONS = (33003, 33004, 33005, 34712)
MIN_IS_WHITE, PALETTE = 0, 3
VIPS_DTYPES = {"uchar": "u1", "char": "i1", "ushort": "u2", "short": "i2", "uint": "u4", "int": "i4",
               "float": "f4", "double": "f8"}


def pattern(shape, dtype, seed):
    """Smooth ramps (which predictors and codecs act on) plus noise (which makes every chunk distinct)."""
    generator = numpy.random.default_rng(seed)
    dtype = numpy.dtype(dtype)
    height, width = shape[0], shape[1]
    ramp = numpy.add.outer(numpy.arange(height) * 3, numpy.arange(width) * 2).astype(numpy.float64)
    if len(shape) == 3:
        ramp = ramp[..., None] + numpy.arange(shape[2]) * 40
    noise = generator.standard_normal(shape) * 8
    if dtype.kind == "f":
        return ((ramp + noise) / 7.3 - 20).astype(dtype)
    info = numpy.iinfo(dtype)
    span = min(info.max - max(info.min, -info.max), 1 << 20)
    values = numpy.mod(ramp * (span / 600) + noise * (span / 200), span) + max(info.min, -info.max)
    return values.astype(dtype)


def vips_resave(source, out, *options):
    subprocess.run(["vips", "tiffsave", source, out, *options], check=True)


def corpus(outdir):
    written = []

    def path(name):
        written.append(name)
        return os.path.join(outdir, name)

    def write(name, data, **options):
        tifffile.imwrite(path(name), data, metadata=None, **options)

    write("int8-tiled-deflate-predictor.tif", pattern((151, 203), "i1", 1), tile=(64, 48), compression="zlib", predictor=2)
    write("int16-strips-big-endian-predictor.tif", pattern((97, 131), "i2", 2), rowsperstrip=10, byteorder=">",
          compression="zlib", predictor=2)
    write("uint32-tiled.tif", pattern((83, 70), "u4", 3), tile=(32, 32))
    write("int32-strips-big-endian-deflate.tif", pattern((77, 91), "i4", 4), rowsperstrip=8, byteorder=">",
          compression="zlib")
    write("float32-tiled-deflate.tif", pattern((101, 133), "f4", 5), tile=(48, 64), compression="zlib")
    write("float64-strips-big-endian.tif", pattern((61, 47), "f8", 6), rowsperstrip=9, byteorder=">")
    write("float16-tiled-deflate.tif", pattern((70, 90), "f2", 7), tile=(32, 48), compression="zlib")
    write("float16-strips-big-endian.tif", pattern((45, 37), "f2", 8), rowsperstrip=6, byteorder=">")
    write("uint16-planar-rgb-tiled-predictor.tif", numpy.moveaxis(pattern((99, 121, 3), "u2", 9), 2, 0),
          planarconfig="separate", photometric="rgb", tile=(32, 64), compression="zlib", predictor=2)
    write("int16-planar-strips-big-endian.tif", numpy.moveaxis(pattern((55, 66, 2), "i2", 10), 2, 0),
          planarconfig="separate", photometric="minisblack", rowsperstrip=7, byteorder=">", compression="zlib")
    write("rgba-tiled-deflate.tif", pattern((90, 111, 4), "u1", 11), photometric="rgb", extrasamples=["unassalpha"],
          tile=(32, 32), compression="zlib", predictor=2)
    write("uint32-rgba-strips-big-endian.tif", pattern((33, 41, 4), "u4", 12), photometric="rgb",
          extrasamples=["assocalpha"], rowsperstrip=5, byteorder=">")
    write("min-is-white-uint8.tif", pattern((60, 70), "u1", 13), photometric="miniswhite", tile=(16, 32),
          compression="zlib")
    colormap = numpy.stack([numpy.arange(256) * 257, (255 - numpy.arange(256)) * 257, numpy.full(256, 3000)]).astype("u2")
    write("palette-uint8.tif", pattern((50, 64), "u1", 14), photometric="palette", colormap=colormap, rowsperstrip=11)

    with tempfile.TemporaryDirectory() as scratch:
        def base(name, data, **options):
            source = os.path.join(scratch, name)
            tifffile.imwrite(source, data, metadata=None, **options)
            return source

        rgb = base("rgb.tif", pattern((203, 259, 3), "u1", 20), photometric="rgb")
        rgba = base("rgba.tif", pattern((140, 150, 4), "u1", 21), photometric="rgb", extrasamples=["unassalpha"])
        gray16 = base("gray16.tif", pattern((171, 133), "u2", 22))
        float32 = base("float32.tif", pattern((111, 97), "f4", 23))
        int16 = base("int16.tif", pattern((95, 77), "i2", 25))
        vips_resave(float32, path("float32-tiled-float-predictor.tif"), "--tile", "--tile-width", "32",
                    "--tile-height", "48", "--compression", "deflate", "--predictor", "float")
        vips_resave(float32, path("float32-strips-float-predictor-lzw.tif"), "--compression", "lzw", "--predictor", "float")
        vips_resave(rgb, path("zstd-rgb-tiled-predictor.tif"), "--tile", "--tile-width", "64", "--tile-height", "64",
                    "--compression", "zstd", "--predictor", "horizontal")
        vips_resave(gray16, path("zstd-uint16-strips.tif"), "--compression", "zstd")
        vips_resave(int16, path("zstd-int16-tiled-predictor.tif"), "--tile", "--tile-width", "32", "--tile-height", "32",
                    "--compression", "zstd", "--predictor", "horizontal")
        vips_resave(rgb, path("webp-rgb-tiled.tif"), "--tile", "--tile-width", "128", "--tile-height", "128",
                    "--compression", "webp", "--Q", "80")
        vips_resave(rgba, path("webp-rgba-tiled-lossless.tif"), "--tile", "--tile-width", "64", "--tile-height", "64",
                    "--compression", "webp", "--lossless")
        vips_resave(rgb, path("jp2k-rgb-tiled.tif"), "--tile", "--tile-width", "128", "--tile-height", "128",
                    "--compression", "jp2k", "--Q", "60")
        vips_resave(gray16, path("jp2k-uint16-tiled-lossless.tif"), "--tile", "--tile-width", "64", "--tile-height", "64",
                    "--compression", "jp2k", "--lossless")
        # 34712, libtiff's JPEG 2000 code (Bio-Formats reads it as Olympus'), holds codestreams as libvips's 33004
        # does: libvips's tiles with the tag rewritten in place.
        jp2k_34712 = path("jp2k-rgb-tiled-34712.tif")
        vips_resave(rgb, jp2k_34712, "--tile", "--tile-width", "64", "--tile-height", "64", "--compression", "jp2k",
                    "--Q", "70")
        with tifffile.TiffFile(jp2k_34712, mode="r+b") as tif:
            tif.pages[0].tags["Compression"].overwrite(34712)
        vips_resave(rgb, path("lzw-rgb-strips-predictor.tif"), "--compression", "lzw", "--predictor", "horizontal")
    gdal_write(path("jpeg-grey-alpha-tiled.tif"), pattern((300, 517, 2), "u1", 30), "TILED=YES", "BLOCKXSIZE=128",
               "BLOCKYSIZE=64", "JPEG_QUALITY=80")
    gdal_write(path("jpeg-4-samples-strips.tif"), pattern((123, 201, 4), "u1", 31), "BLOCKYSIZE=40")
    gdal_write(path("jpeg-grey-alpha-planar-tiled.tif"), pattern((150, 140, 2), "u1", 32), "TILED=YES",
               "BLOCKXSIZE=64", "BLOCKYSIZE=64", "INTERLEAVE=BAND")
    return written


def gdal_write(path, data, *options):
    """A JPEG-compressed MinIsBlack TIFF of H x W x S samples, as GDAL (libtiff and libjpeg) writes it."""
    from osgeo import gdal
    gdal.UseExceptions()
    height, width, bands = data.shape
    dataset = gdal.GetDriverByName("GTiff").Create(path, width, height, bands, gdal.GDT_Byte,
                                                   ["COMPRESS=JPEG", "PHOTOMETRIC=MINISBLACK", *options])
    for band in range(bands):
        dataset.GetRasterBand(band + 1).WriteArray(data[..., band])
    dataset.FlushCache()


def pages_of(tif):
    """tifffile's pages: the main chain, then the SubIFD pages its series reach, each once."""
    pages, seen = [], set()
    for page in tif.pages:
        pages.append((page, page.index, None))
        seen.add(page.offset)
    for series in tif.series:
        for level in series.levels:
            for page in level.pages:
                if page is not None and page.offset not in seen and getattr(page, "offset", None) is not None:
                    seen.add(page.offset)
                    parent, position = subifd_position(tif, page.offset)
                    pages.append((page, parent, position))
    return pages


def subifd_position(tif, offset):
    for page in tif.pages:
        if page.subifds and offset in page.subifds:
            return page.index, list(page.subifds).index(offset)
    return None, None


def tifffile_decode(page):
    if page.compression not in TIFFFILE_COMPRESSIONS or page.predictor not in (1, 2):
        return None
    return page.asarray()


def jpeg2000_decode(tif, page):
    """Each chunk's codestream decoded by Pillow (OpenJPEG), cut to the page."""
    if page.compression not in JPEG_2000_COMPRESSIONS:
        return None
    planes = page.samplesperpixel if page.planarconfig == 2 else 1
    samples = 1 if page.planarconfig == 2 else page.samplesperpixel
    height, width = page.imagelength, page.imagewidth
    chunk_height = page.tilelength if page.is_tiled else page.rowsperstrip
    chunk_width = page.tilewidth if page.is_tiled else width
    down, across = -(-height // chunk_height), -(-width // chunk_width)
    array = numpy.zeros((planes, height, width, samples), dtype=page.dtype.newbyteorder("="))
    handle = tif.filehandle
    for index, (offset, count) in enumerate(zip(page.dataoffsets, page.databytecounts)):
        plane, cell = divmod(index, down * across)
        row, col = divmod(cell, across)
        handle.seek(offset)
        try:
            with Image.open(io.BytesIO(handle.read(count))) as image:
                chunk = numpy.asarray(image)
        except (OSError, ValueError):
            return None
        chunk = chunk.reshape(chunk.shape[0], chunk.shape[1], -1)
        top, left = row * chunk_height, col * chunk_width
        rows, cols = min(chunk_height, height - top), min(chunk_width, width - left)
        array[plane, top:top + rows, left:left + cols] = chunk[:rows, :cols]
    if page.planarconfig == 2:
        return array[..., 0]
    return array[0, ..., 0] if samples == 1 else array[0]


def vips_decode(path, page, index, subifd):
    if page.photometric in (MIN_IS_WHITE, PALETTE):
        return None  # libvips inverts min-is-white and expands palettes; tifffile does neither
    options = ["--page", str(index)] + ([] if subifd is None else ["--subifd", str(subifd)])
    with tempfile.TemporaryDirectory() as scratch:
        # tiffload by name: by file name libvips would hand an .svs to OpenSlide
        loaded, raw = os.path.join(scratch, "page.v"), os.path.join(scratch, "page.raw")
        if subprocess.run(["vips", "tiffload", path, loaded, *options], capture_output=True).returncode != 0:
            return None
        subprocess.run(["vips", "rawsave", loaded, raw], check=True)
        header = {}
        for field in ("width", "height", "bands", "format"):
            header[field] = subprocess.run(["vipsheader", "-f", field, loaded], capture_output=True, text=True,
                                           check=True).stdout.strip()
        # vipsheader prints the format as "((VipsBandFormat) VIPS_FORMAT_USHORT)" or as "ushort"
        data = numpy.fromfile(raw, dtype=VIPS_DTYPES[header["format"].rstrip(")").split("VIPS_FORMAT_")[-1].lower()])
    array = data.reshape(int(header["height"]), int(header["width"]), int(header["bands"]))
    return layout(array, page)


def pillow_decode(path, page, index, subifd):
    if subifd is not None or page.photometric in (MIN_IS_WHITE, PALETTE):
        return None
    try:
        with Image.open(path) as image:
            image.seek(index)
            array = numpy.asarray(image)
    except (OSError, ValueError):
        return None
    return layout(array if array.ndim == 3 else array[..., None], page)


def gdal_decode(path, page, index, subifd):
    """A JPEG page of grey plus extra samples, which libjpeg decodes component by component for GDAL."""
    if subifd is not None or page.compression != 7 or page.photometric != 1:
        return None
    from osgeo import gdal
    gdal.UseExceptions()
    try:
        dataset = gdal.Open(f"GTIFF_DIR:{index + 1}:{path}")
        array = numpy.stack([dataset.GetRasterBand(band + 1).ReadAsArray() for band in range(dataset.RasterCount)], -1)
    except RuntimeError:
        return None
    return layout(array, page)


def layout(array, page):
    """An H x W x S array in tifffile's page axes and dtype."""
    if array.shape[2] != page.samplesperpixel or array.dtype.itemsize != page.dtype.itemsize:
        return None
    array = array.astype(page.dtype.newbyteorder("="), copy=False)
    if page.samplesperpixel == 1:
        return array[..., 0]
    return numpy.moveaxis(array, 2, 0) if page.planarconfig == 2 else array


def pages(path, outdir):
    result = []
    with tifffile.TiffFile(path) as tif:
        for page, index, subifd in pages_of(tif):
            entry = {"offset": page.offset}
            try:
                array, reader = tifffile_decode(page), "tifffile"
            except Exception as error:  # noqa: BLE001 - a reader's refusal is reported, not raised
                array, reader = None, f"tifffile: {error}"
            if array is None and page.compression in JPEG_2000_COMPRESSIONS:
                array, reader = jpeg2000_decode(tif, page), "pillow-openjpeg"
            elif array is None and page.compression == 6:
                array, reader = pillow_decode(path, page, index, subifd), "pillow"
            if array is None and page.compression not in JPEG_2000_COMPRESSIONS:
                array, reader = vips_decode(path, page, index, subifd), "vips"
            if array is None and subifd is None:
                array, reader = pillow_decode(path, page, index, subifd), "pillow"
            if array is None:
                array, reader = gdal_decode(path, page, index, subifd), "gdal"
            if array is None:
                entry["error"] = f"no reader here decodes compression {int(page.compression)} of page {index}"
            else:
                array = numpy.ascontiguousarray(array.astype(array.dtype.newbyteorder("<")))
                with open(os.path.join(outdir, f"{page.offset}.raw"), "wb") as stream:
                    stream.write(array.tobytes())
                entry.update(shape=list(array.shape), dtype=array.dtype.str, reader=reader)
            result.append(entry)
    return result


def main(argv):
    if argv[1] == "corpus":
        result = corpus(argv[2])
    elif argv[1] == "pages":
        result = pages(argv[2], argv[3])
    else:
        raise SystemExit(f"unknown command {argv[1]}")
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
