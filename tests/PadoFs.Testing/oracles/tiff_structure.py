"""Prints, as JSON, the TIFF structure tifffile sees in a file: pages with their geometry and chunk tables,
and series with the chunk byte-count grid of every level (what pado's get_chunk_sizes returns).

usage: tiff_structure.py FILE
A file tifffile rejects gives {"error": "..."}.
"""
import json
import sys

import numpy
import tifffile


def first(value):
    return int(value[0]) if isinstance(value, tuple) else int(value)


def chunk_grid(page):
    """Rows and columns of the chunk grid, and the byte counts laid out on it, samples summed."""
    chunked = page.chunked
    separate = page.planarconfig == 2 and page.samplesperpixel > 1
    rows, cols = (chunked[1], chunked[2]) if separate else (chunked[0], chunked[1])
    counts = numpy.array(page.databytecounts, dtype=numpy.int64).reshape(chunked)
    if separate:
        counts = counts.sum(axis=0)
    return int(rows), int(cols), counts.reshape(rows, cols).tolist()


def describe_page(page):
    rows, cols, _ = chunk_grid(page)
    chunks = page.chunks
    tables = page.jpegtables
    return {
        "offset": page.offset,
        "width": page.imagewidth,
        "height": page.imagelength,
        "samples_per_pixel": page.samplesperpixel,
        "bits_per_sample": first(page.bitspersample),
        "sample_format": first(page.sampleformat),
        "compression": int(page.compression),
        "photometric": int(page.photometric),
        "planar_configuration": int(page.planarconfig),
        "predictor": int(page.predictor),
        "new_subfile_type": int(page.subfiletype),
        "description": page.description,
        "tiled": page.is_tiled,
        "tile_width": page.tilewidth,
        "tile_length": page.tilelength,
        "rows_per_strip": page.rowsperstrip,
        "data_offsets": [int(v) for v in page.dataoffsets],
        "data_byte_counts": [int(v) for v in page.databytecounts],
        "jpeg_tables_length": None if tables is None else len(tables),
        "chunk_height": chunks[0],
        "chunk_width": chunks[1],
        "chunk_rows": rows,
        "chunk_cols": cols,
        "axes": page.axes,
        "shape": list(page.shape),
    }


def sub_pages(tif, page):
    result = []
    for i, offset in enumerate(page.subifds or ()):
        if offset < 8:
            continue
        tif.filehandle.seek(offset)
        result.append(describe_page(tifffile.TiffPage(tif, (page.index, i))))
    return result


def describe(path):
    try:
        tif = tifffile.TiffFile(path)
    except tifffile.TiffFileError as error:
        return {"error": str(error)}
    with tif:
        pages = []
        for page in tif.pages:
            described = describe_page(page)
            described["sub_pages"] = sub_pages(tif, page)
            pages.append(described)
        series = []
        for s in tif.series:
            levels = []
            for level in s.levels:
                keyframe = level.keyframe
                rows, cols, grid = chunk_grid(keyframe)
                levels.append({"offset": keyframe.offset, "shape": list(level.shape), "chunk_byte_counts": grid})
            series.append({
                "name": s.name,
                "kind": s.kind,
                "axes": s.axes,
                "shape": list(s.shape),
                "pages": [p.offset for p in s.pages],
                "levels": levels,
            })
        return {
            "byte_order": "big" if tif.byteorder == ">" else "little",
            "bigtiff": tif.is_bigtiff,
            "pages": pages,
            "series": series,
        }


if __name__ == "__main__":
    json.dump(describe(sys.argv[1]), sys.stdout)
