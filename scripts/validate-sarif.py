#!/usr/bin/env python3
"""Validate SARIF files against the SARIF 2.1.0 JSON schema kept in Tests/Fixtures/.

Usage: scripts/validate-sarif.py FILE.sarif [...]
Needs python `jsonschema` (pip install jsonschema). Checks draft-04 keywords and formats (uri,
uri-reference, date-time where the format checker supports them). Exit 0 when every file is valid.
"""
import json
import os
import sys

import jsonschema

SCHEMA = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "sarif-schema-2.1.0.json")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    schema = json.load(open(SCHEMA))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    failed = False
    for path in sys.argv[1:]:
        errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.path))
        for error in errors[:20]:
            print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
        results = sum(len(run.get("results", [])) for run in json.load(open(path)).get("runs", []))
        print(f"{path}: {'valid' if not errors else f'{len(errors)} errors'} ({results} results)")
        failed = failed or bool(errors)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
