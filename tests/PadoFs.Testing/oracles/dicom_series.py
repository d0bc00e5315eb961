"""The VL Whole Slide Microscopy instances of one slide, as pydicom reads them (for the DICOM oracles).

A SLIDE that is a file: that file's series, every instance of it in the file's folder. A SLIDE that is a folder:
every whole-slide instance directly in it, which must all be of one series. Files pydicom cannot read and DICOM
files of another SOP class are no part of a slide.
"""
import os

import pydicom

WSI_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.77.1.6"
ASSOCIATED_NAMES = {"LABEL": "label", "OVERVIEW": "macro", "THUMBNAIL": "thumbnail"}


def instances(slide, stop_before_pixels=True):
    if os.path.isdir(slide):
        folder, series = slide, None
    else:
        folder = os.path.dirname(os.path.abspath(slide))
        series = pydicom.dcmread(slide, stop_before_pixels=True).SeriesInstanceUID
    found = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            continue
        try:
            ds = pydicom.dcmread(path, stop_before_pixels=stop_before_pixels)
        except Exception:
            continue
        if ds.get("SOPClassUID") != WSI_SOP_CLASS or (series is not None and ds.SeriesInstanceUID != series):
            continue
        found.append(ds)
    assert len({ds.SeriesInstanceUID for ds in found}) == 1, f"{slide}: not one series"
    return found


def flavor(ds):
    return ds.ImageType[2]
