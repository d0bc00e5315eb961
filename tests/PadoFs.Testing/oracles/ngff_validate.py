"""Validate a .zattrs against the OME-NGFF 0.4 image schemas (plain and strict), offline.

usage: ngff_validate.py SCHEMA_DIR ZATTRS
Prints a JSON object {"image": [errors], "strict_image": [errors]}.
"""
import json
import os
import sys

import jsonschema

schema_dir, zattrs_path = sys.argv[1:3]
store = {}
for name in os.listdir(schema_dir):
    if name.endswith(".json"):
        with open(os.path.join(schema_dir, name)) as f:
            schema = json.load(f)
        store[schema["$id"]] = schema

with open(zattrs_path) as f:
    document = json.load(f)

result = {}
for kind in ("image", "strict_image"):
    with open(os.path.join(schema_dir, f"0.4-{kind}.schema.json")) as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema, resolver=jsonschema.RefResolver.from_schema(schema, store=store))
    result[kind] = [error.message for error in validator.iter_errors(document)]
print(json.dumps(result))
