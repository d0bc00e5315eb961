"""pado's ImageId strings, made and read as pado makes and reads them, without pado.

usage:
  pado_image_ids.py generate COUNT SEED   # ImageIds of random parts, as ImageId.__repr__ writes them (repr of each
                                          # part, then site=repr(site) when set): [{"text", "parts", "site"}]
  pado_image_ids.py evaluate < TEXTS.json # each string evaluated as pado's ImageId.from_str does by default (eval
                                          # with ImageId the only name): [{"parts", "site", "folder"} or {"error"}]
"folder" is the mounted folder the ImageId names: the site first when set, then the parts, ".zarr" on the last.
"""
import json
import random
import sys


def image_id_repr(parts, site):
    args = [repr(part) for part in parts]
    if site is not None:
        args.append(f"site={site!r}")
    return f"ImageId({', '.join(args)})"


def random_part(rng):
    alphabet = [chr(c) for c in range(0x20, 0x7F)] + list("\t\n\r\x00\x07\x7f\\'\"") + ["é", "ß", "µ", "中", "\u200b", "\u00a0", "\U0001f600", "\U00010348", "\ufeff"]
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))


def generate(count, seed):
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = [random_part(rng) for _ in range(rng.randint(1, 4))]
        site = random_part(rng) if rng.random() < 0.5 else None
        out.append({"text": image_id_repr(parts, site), "parts": parts, "site": site})
    return out


def evaluate(texts):
    out = []
    for text in texts:
        captured = {}

        def image_id(*parts, site=None):
            captured["parts"] = list(parts)
            captured["site"] = site
            return captured

        try:
            if not (text.startswith("ImageId(") and text.endswith(")")):
                raise ValueError("not an ImageId()")
            eval(text, {"__builtins__": {}}, {"ImageId": image_id})  # nosec: the way pado reads them
            parts, site = captured["parts"], captured["site"]
            if not parts or any(not isinstance(p, str) for p in parts) or not (site is None or isinstance(site, str)):
                raise ValueError("parts and site must be strings")
            folders = ([site] if site is not None else []) + parts
            out.append({"parts": parts, "site": site, "folder": "/".join(folders[:-1] + [folders[-1] + ".zarr"])})
        except Exception as error:  # every way the text is no ImageId
            out.append({"error": f"{type(error).__name__}: {error}"})
    return out


if sys.argv[1] == "generate":
    result = generate(int(sys.argv[2]), int(sys.argv[3]))
else:
    result = evaluate(json.load(sys.stdin))
json.dump(result, sys.stdout)
