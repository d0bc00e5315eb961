"""Validate a .zattrs against the OME-NGFF 0.4 image schemas (plain and strict), offline.

usage: ngff_validate.py SCHEMA_DIR ZATTRS
Prints a JSON object {"image": [errors], "strict_image": [errors]}.
"""
import json
import os
import sys

import jsonschema


def image_validators(schema_dir, version):
    """The image and strict image validators of an OME-NGFF version, references resolved from the folder's schemas."""
    store = {}
    for name in os.listdir(schema_dir):
        if name.endswith(".json"):
            with open(os.path.join(schema_dir, name)) as f:
                schema = json.load(f)
            store[schema["$id"]] = schema
    validators = {}
    for kind in ("image", "strict_image"):
        with open(os.path.join(schema_dir, f"{version}-{kind}.schema.json")) as f:
            schema = json.load(f)
        validators[kind] = jsonschema.Draft202012Validator(schema, resolver=jsonschema.RefResolver.from_schema(schema, store=store))
    return validators


if __name__ == "__main__":
    schema_dir, zattrs_path = sys.argv[1:3]
    with open(zattrs_path) as f:
        document = json.load(f)
    validators = image_validators(schema_dir, "0.4")
    print(json.dumps({kind: [error.message for error in validator.iter_errors(document)] for kind, validator in validators.items()}))
