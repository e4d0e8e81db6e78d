# Reads many shared files with botocore (the AWS CLI's own parser) in one process.
# stdin: JSON list of {"path": ..., "kind": "config"|"credentials"}
# stdout: JSON list of {"ok": true, "data": ...} or {"ok": false, "error": "..."}
import json
import sys

import botocore.configloader as loader


def read(entry):
    try:
        raw = loader.raw_config_parse(entry["path"])
        data = loader.build_profile_map(raw) if entry["kind"] == "config" else raw
        return {"ok": True, "data": data}
    except Exception as e:  # ConfigParseError and friends: the CLI refuses the whole file
        return {"ok": False, "error": type(e).__name__}


def main():
    entries = json.load(sys.stdin)
    json.dump([read(e) for e in entries], sys.stdout)


main()
