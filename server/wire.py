"""Framing between the server and its query workers.

Server -> worker: one JSON object per line (``json.dumps`` never emits a raw newline).
Worker -> server: frames of ``kind (1 byte) | length (4 bytes, big endian) | payload``.
"""

from __future__ import annotations

import json
import struct
from typing import Any

READY = b"R"  # payload: JSON {"pid": int}
HEAD = b"H"  # payload: JSON {"kind": "solutions"|"boolean"|"triples", "format": str, "variables"?: [str]}
DATA = b"D"  # payload: serialized result bytes
ERROR = b"E"  # payload: JSON {"status": int, "message": str}
END = b"Z"  # payload: JSON {}

HEADER = struct.Struct(">cI")
CHUNK_SIZE = 64 * 1024


def frame(kind: bytes, payload: bytes) -> bytes:
    return HEADER.pack(kind, len(payload)) + payload


def json_frame(kind: bytes, value: Any) -> bytes:
    return frame(kind, json.dumps(value).encode())
