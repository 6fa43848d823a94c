#!/usr/bin/env python3
"""Validate JSON Lines records against a JSON Schema (python3 stdlib only).

Usage: validate-schema.py SCHEMA [FILE...]   (no FILE: stdin)

Supports the keywords docs/incident.schema.json uses: $ref (local "#/..."
pointers), $defs, oneOf, anyOf, type (string or list), enum, const,
properties, required, additionalProperties (boolean), items (a schema),
uniqueItems, minimum and pattern.  An unknown keyword is an error, so a
schema cannot silently ask for more than this checks.
Prints one line per invalid record and a summary "N valid, M invalid".
Exit status: 0 all valid (and at least one record), 1 otherwise, 2 usage.
"""
import json
import re
import sys

KNOWN = {"$schema", "$id", "$defs", "$ref", "title", "description",
         "oneOf", "anyOf", "type", "enum", "const", "properties",
         "required", "additionalProperties", "items", "uniqueItems",
         "minimum", "pattern"}
TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float))
    and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


class SchemaError(Exception):
    pass


def same(a, b):
    """JSON equality: 1 is not true, 1 equals 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


def resolve(root, ref):
    if not ref.startswith("#/"):
        raise SchemaError(f"unsupported $ref {ref}")
    node = root
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def check(root, schema, v, path, errs):
    unknown = set(schema) - KNOWN
    if unknown:
        raise SchemaError(f"unsupported keywords {sorted(unknown)}")
    if "$ref" in schema:
        check(root, resolve(root, schema["$ref"]), v, path, errs)
    for key in ("oneOf", "anyOf"):
        if key in schema:
            ok = 0
            for sub in schema[key]:
                sub_errs = []
                check(root, sub, v, path, sub_errs)
                ok += not sub_errs
            if (key == "oneOf" and ok != 1) or (key == "anyOf" and ok < 1):
                errs.append(f"{path}: {ok} of the {key} alternatives match")
    if "type" in schema:
        types = schema["type"]
        types = [types] if isinstance(types, str) else types
        if not any(TYPES[t](v) for t in types):
            errs.append(f"{path}: {json.dumps(v)[:60]} is not {types}")
            return
    if "enum" in schema and not any(same(v, e) for e in schema["enum"]):
        errs.append(f"{path}: {json.dumps(v)[:60]} not in enum")
    if "const" in schema and not same(v, schema["const"]):
        errs.append(f"{path}: expected {schema['const']!r}")
    if "minimum" in schema and TYPES["number"](v) and v < schema["minimum"]:
        errs.append(f"{path}: {v} below {schema['minimum']}")
    if "pattern" in schema and isinstance(v, str) \
            and not re.search(schema["pattern"], v):
        errs.append(f"{path}: {v!r} does not match {schema['pattern']}")
    if isinstance(v, dict):
        props = schema.get("properties", {})
        for k in schema.get("required", []):
            if k not in v:
                errs.append(f"{path}: missing {k}")
        for k, sub in v.items():
            if k in props:
                check(root, props[k], sub, f"{path}.{k}", errs)
            elif schema.get("additionalProperties", True) is False:
                errs.append(f"{path}: unexpected key {k}")
    if isinstance(v, list):
        if "items" in schema:
            for i, sub in enumerate(v):
                check(root, schema["items"], sub, f"{path}[{i}]", errs)
        if schema.get("uniqueItems"):
            seen = [json.dumps(x, sort_keys=True) for x in v]
            if len(seen) != len(set(seen)):
                errs.append(f"{path}: items are not unique")


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        root = json.load(f)
    files = argv[2:] or ["-"]
    good = bad = 0
    for name in files:
        f = sys.stdin if name == "-" else open(name, encoding="utf-8")
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            errs = []
            try:
                check(root, root, json.loads(line), "$", errs)
            except json.JSONDecodeError as e:
                errs.append(f"not JSON: {e}")
            except SchemaError as e:
                print(f"schema: {e}", file=sys.stderr)
                return 2
            if errs:
                bad += 1
                print(f"{name}:{n}: " + "; ".join(errs[:5]))
            else:
                good += 1
    print(f"{good} valid, {bad} invalid")
    return 0 if good and not bad else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
