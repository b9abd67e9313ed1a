"""Files every stage writes whole (the cache, the translation memory), one way; and the keys
that tell whether inputs changed."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

FolderIdentity = tuple[int, int]  # (inode, mtime_ns)


PARTIAL = ".partial"  # what the name of a file being written ends with, until it replaces its target


def write_atomically(path: Path, data: bytes) -> None:
    """A reader, or a crash, sees the old file or the new one, never half of either: the
    bytes go to a temporary file beside it, reach the disk (fsync), and replace it in one
    rename, which is itself made durable by syncing the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PARTIAL, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def identity(path: Path) -> FolderIdentity | None:
    """Which folder this is: another one at the same path (deleted, replaced) has another
    inode or mtime, so what was remembered of the old one does not apply to it."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns)


def digest(*parts: bytes) -> str:
    """The SHA-256 of byte strings taken as a sequence (each length-prefixed, so `ab`,`c` is
    not `a`,`bc`): the one key of inputs in the cache and the search index."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.hexdigest()
