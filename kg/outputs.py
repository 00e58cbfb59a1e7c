"""Files that commands write (dumps, exports, pages): checked before any work is done.

A folder where a file is wanted, or a folder that cannot be made, is one clear error rather than
a traceback after minutes of work; a missing parent folder is created, as ``kg html`` and
``kg export`` always did.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import InputError


def output_file(path: str | Path, example: str = "graph") -> Path:
    """``path`` as a file that can be written: its parent folder made if missing.

    >>> output_file("/tmp")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: /tmp is a folder; name a file in it, such as /tmp/graph
    """
    text = str(path)
    out = Path(path)
    if out.is_dir() or text.endswith(("/", os.sep)):
        raise InputError(f"{text.rstrip('/' + os.sep)} is a folder; name a file in it, such as {out / example}")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the folder {out.parent}: {exc.strerror or exc}") from None
    if not os.access(out.parent, os.W_OK):
        raise InputError(f"cannot write in {out.parent}: permission denied")
    return out
