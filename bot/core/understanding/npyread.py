"""Reading the intent model's ``.npz`` artefact without numpy.

Why: every question goes through the intent model, and importing numpy costs 0.1-0.25 s of a
one-question ``oogo ask`` (most of its budget) for a few hundred multiplications. The artefact
stays what ``oogo train understanding`` writes with numpy (a zip of ``.npy`` files, format 1.0
to 3.0); this module reads the few kinds it holds into ``array.array`` (numbers, flat, in the
file's order) and Python strings. Anything else raises ``ValueError``.
"""

from __future__ import annotations

import ast
import sys
import zipfile
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAGIC = b"\x93NUMPY"
NUMBER_TYPES = {"<f4": "f", "<f8": "d", "<i8": "q", "<i4": "i"}


@dataclass(frozen=True, slots=True)
class Stored:
    """One array: its values flat in file order, its shape and whether it is column-major."""

    values: array[Any] | list[str]
    shape: tuple[int, ...]
    fortran: bool

    def strides(self) -> tuple[int, int]:
        """Steps in ``values`` for one row and one column of a 2-D array."""
        rows, cols = self.shape
        return (1, rows) if self.fortran else (cols, 1)


def read_npz(path: Path) -> dict[str, Stored]:
    """Every member of the archive by name (without ``.npy``); a damaged file raises
    ``ValueError`` (a missing one ``OSError``), as ``numpy.load`` would."""
    try:
        with zipfile.ZipFile(path) as archive:
            return {name.removesuffix(".npy"): parse_npy(archive.read(name))
                    for name in archive.namelist()}
    except (zipfile.BadZipFile, SyntaxError, KeyError, IndexError, TypeError) as exc:
        raise ValueError(f"{path}: not a readable .npz file ({exc})") from exc


def parse_npy(data: bytes) -> Stored:
    if data[:6] != MAGIC:
        raise ValueError("not an .npy file")
    major = data[6]
    size_bytes = 2 if major == 1 else 4
    start = 8 + size_bytes
    header_len = int.from_bytes(data[8:start], "little")
    header = ast.literal_eval(data[start:start + header_len].decode("latin-1"))
    body = data[start + header_len:]
    descr, shape = header["descr"], tuple(header["shape"])
    count = 1
    for dim in shape:
        count *= dim
    if descr in NUMBER_TYPES:
        values = array(NUMBER_TYPES[descr])
        values.frombytes(body[:count * values.itemsize])
        if sys.byteorder != "little":  # pragma: no cover - the files are little-endian
            values.byteswap()
        return Stored(values, shape, bool(header["fortran_order"]))
    if descr.startswith("<U"):
        width = int(descr[2:]) * 4
        texts = [body[i * width:(i + 1) * width].decode("utf-32-le").rstrip("\x00")
                 for i in range(count)]
        return Stored(texts, shape, bool(header["fortran_order"]))
    raise ValueError(f"unsupported array type {descr}")
