#!/usr/bin/python3
"""Soak a PadoFs mount: reader processes read random chunks of several slides for a while, every chunk is
checked against openslide-python, and the daemon's memory (RSS) and open file descriptors are sampled. Each
reader drops the kernel's cached pages of what it read, so every read reaches the daemon.

usage: soak.py --padofs PADOFS --seconds N [--readers 8] [--cache 64MiB] [--interval 2] [--json] SLIDE...

Reference: per chunk the MD5 of the pixels inside the level (edge chunks cropped), read with openslide-python
before the daemon starts (whole levels up to 32 Mpixel, level 0 of a larger slide chunk by chunk; larger
levels other than 0 are left out). Prints the samples and totals; with --json one JSON object instead.
"""
import argparse
import hashlib
import json
import multiprocessing
import os
import random
import subprocess
import sys
import tempfile
import time

import numpy as np
import openslide

WHOLE_LEVEL_PIXELS = 32 << 20


def rgb(region, bg):
    rgba = np.asarray(region)
    if (rgba[..., 3] == 255).all():
        return rgba[..., :3]
    # PadoFs's documented rule on premultiplied ARGB; openslide-python un-premultiplies as floor(255 * c / a).
    wide = rgba.astype(np.int64)
    alpha = wide[..., 3:4]
    premultiplied = (wide[..., :3] * alpha + 254) // 255
    return (premultiplied + (bg * (255 - alpha) + 127) // 255).astype(np.uint8)


def background(slide):
    value = slide.properties.get(openslide.PROPERTY_NAME_BACKGROUND_COLOR, "FFFFFF")
    return np.array([int(value[i:i + 2], 16) for i in (0, 2, 4)], dtype=np.int64)


def digest(pixels):
    return hashlib.md5(np.ascontiguousarray(pixels).tobytes()).hexdigest()


def references(folder, path):
    """{(level, row, column): md5} of the chunks of the levels that are checked, with each level's geometry."""
    slide = openslide.OpenSlide(path)
    bg = background(slide)
    levels = {}
    for level, (width, height) in enumerate(slide.level_dimensions):
        with open(os.path.join(folder, str(level), ".zarray")) as f:
            zarray = json.load(f)
        chunk_height, chunk_width = zarray["chunks"][:2]
        rows, columns = -(-height // chunk_height), -(-width // chunk_width)
        sums = {}
        if width * height <= WHOLE_LEVEL_PIXELS:
            pixels = rgb(slide.read_region((0, 0), level, (width, height)), bg)
            for row in range(rows):
                for column in range(columns):
                    y, x = row * chunk_height, column * chunk_width
                    sums[(row, column)] = digest(pixels[y:y + chunk_height, x:x + chunk_width])
        elif level == 0:
            for row in range(rows):
                for column in range(columns):
                    y, x = row * chunk_height, column * chunk_width
                    size = (min(chunk_width, width - x), min(chunk_height, height - y))
                    sums[(row, column)] = digest(rgb(slide.read_region((x, y), 0, size), bg))
        else:
            continue
        levels[level] = {"shape": (height, width), "chunk": (chunk_height, chunk_width), "sums": sums,
                         "samples": zarray["chunks"][2] if len(zarray["chunks"]) > 2 else None}
    return levels


def read_chunks(mount, slides, deadline, seed, results):
    rng = random.Random(seed)
    reads = wrong = errors = 0
    first_wrong = None
    while time.monotonic() < deadline:
        name, levels = rng.choice(slides)
        level = rng.choice(list(levels))
        geometry = levels[level]
        (row, column), expected = rng.choice(geometry["sums"])
        key = f"{row}.{column}" + (".0" if geometry["samples"] else "")
        path = os.path.join(mount, name, str(level), key)
        try:
            with open(path, "rb") as f:
                data = f.read()
                # Drop the kernel's copy, so that every read reaches the daemon and its cache.
                os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        except OSError as error:
            errors += 1
            first_wrong = first_wrong or f"{path}: {error}"
            continue
        chunk_height, chunk_width = geometry["chunk"]
        height, width = geometry["shape"]
        samples = geometry["samples"] or 1
        pixels = np.frombuffer(data, dtype=np.uint8).reshape(chunk_height, chunk_width, samples)
        pixels = pixels[:min(chunk_height, height - row * chunk_height), :min(chunk_width, width - column * chunk_width)]
        reads += 1
        if digest(pixels) != expected:
            wrong += 1
            first_wrong = first_wrong or f"{path}: differs from openslide"
    results.put({"reads": reads, "wrong": wrong, "errors": errors, "first_problem": first_wrong})


def sample(pid):
    with open(f"/proc/{pid}/status") as f:
        rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    return rss / 1024, len(os.listdir(f"/proc/{pid}/fd"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--padofs", required=True)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--cache", default="64MiB")
    parser.add_argument("--interval", type=float, default=2)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("slides", nargs="+")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="padofs-soak-")
    mount = os.path.join(work, "mnt")
    os.mkdir(mount)
    names = [os.path.basename(path) + ".zarr" for path in args.slides]
    config = {"mountPoint": mount, "cache": {"maxBytes": args.cache},
              "images": [{"urlpath": os.path.abspath(path)} for path in args.slides]}
    with open(os.path.join(work, "soak.json"), "w") as f:
        json.dump(config, f)
    log = open(os.path.join(work, "daemon.log"), "w")
    daemon = subprocess.Popen([args.padofs, "mount", os.path.join(work, "soak.json")], stderr=log, stdout=log)
    try:
        for _ in range(300):
            if os.path.exists(os.path.join(mount, ".padofs")):
                break
            time.sleep(0.1)
        slides = []
        for name, path in zip(names, args.slides):
            levels = references(os.path.join(mount, name), path)
            for geometry in levels.values():
                geometry["sums"] = list(geometry["sums"].items())
            slides.append((name, levels))

        results = multiprocessing.Queue()
        deadline = time.monotonic() + args.seconds
        readers = [multiprocessing.Process(target=read_chunks, args=(mount, slides, deadline, seed, results))
                   for seed in range(args.readers)]
        samples = [sample(daemon.pid)]
        for reader in readers:
            reader.start()
        while time.monotonic() < deadline:
            time.sleep(min(args.interval, max(0.0, deadline - time.monotonic())))
            samples.append(sample(daemon.pid))
        totals = [results.get(timeout=60) for _ in readers]
        for reader in readers:
            reader.join()
    finally:
        daemon.terminate()
        daemon.wait(timeout=30)
        subprocess.run(["fusermount3", "-uzq", mount], check=False)
        log.close()

    report = {
        "seconds": args.seconds,
        "readers": args.readers,
        "cache": args.cache,
        "reads": sum(t["reads"] for t in totals),
        "wrong": sum(t["wrong"] for t in totals),
        "errors": sum(t["errors"] for t in totals),
        "first_problem": next((t["first_problem"] for t in totals if t["first_problem"]), None),
        "interval_seconds": args.interval,
        "rss_mib": [round(rss, 1) for rss, _ in samples],
        "fds": [fds for _, fds in samples],
        "exit_code": daemon.returncode,
    }
    if args.json:
        print(json.dumps(report))
    else:
        print(f"{report['reads']} chunks read by {args.readers} readers in {args.seconds:.0f} s "
              f"(cache {args.cache}): {report['wrong']} wrong, {report['errors']} errors")
        print("RSS MiB every %.0f s: %s" % (args.interval, " ".join(f"{v:.0f}" for v in report["rss_mib"])))
        print("open fds:         %s" % " ".join(str(v) for v in report["fds"]))
        if report["first_problem"]:
            print("first problem: " + report["first_problem"])
    subprocess.run(["rm", "-rf", work], check=False)
    return 0 if report["wrong"] == 0 and report["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
