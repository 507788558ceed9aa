"""Write output files atomically: a temporary file in the same folder, then a rename."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError

_UMASK = os.umask(0)
os.umask(_UMASK)


def _publish(tmp: str, path: Path) -> None:
    os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600 files; outputs are ordinary files
    os.replace(tmp, path)


def ensure_dir(path: Path) -> Path:
    """Create the output folder and prove it is writable before any work is done."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".quizgen-", dir=path)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write there ({exc.strerror or exc}); "
                          "choose another folder with --out") from None
    return path


def write_bytes(path: Path, data: bytes) -> Path:
    return write_with(path, lambda tmp: Path(tmp).write_bytes(data))


def write_text(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))


def write_with(path: Path, writer) -> Path:  # noqa: ANN001 - writer(tmp_path: str) writes the file
    """Write through a temporary file in the same folder, renamed into place only when complete, so a
    failure never leaves a half-written output (libraries such as genanki write to a path themselves)."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
        writer(tmp)
        _publish(tmp, path)
        tmp = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write it ({exc.strerror or exc}); "
                          "check the folder, or choose another with --out") from None
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
    return path
