"""Writing rendered output: atomically to a file, or to standard output.

A file is written to a temporary file in the same directory and moved over the target with
`os.replace` only once the whole output is written and flushed to disk; a failure at any point
(an exception in a renderer, a full disk) removes the temporary file and leaves an existing
target untouched. `-` means standard output.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import BinaryIO

STDOUT = "-"

Content = str | Callable[[BinaryIO], None]  # text, or a writer of bytes (xlsx, docx, png)


class OutputError(Exception):
    """The output could not be written (message for the user, no traceback)."""


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file that replaces `path` only when the `with` block completes without an exception."""
    import secrets

    target = os.path.realpath(path)  # write through a symlink, not over it
    directory, name = os.path.split(target)
    temp = os.path.join(directory, f".{name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # 0o666 & ~umask, like open()
    try:
        with os.fdopen(fd, "wb") as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        with contextlib.suppress(OSError):  # keep the mode of the file being replaced
            os.chmod(temp, os.stat(target).st_mode & 0o7777)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def emit(content: Content, output: str | None, binary: bool) -> None:
    """Write content to the file `output`, or to standard output when output is None or '-'.

    Raises OutputError for a binary format sent to a terminal and for a file that cannot be written.
    """
    if output in (None, STDOUT):
        _to_stdout(content, binary)
        return
    try:
        with atomic_write(output) as file:
            if isinstance(content, str):
                file.write(content.encode("utf-8"))
            else:
                content(file)
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from exc


def _to_stdout(content: Content, binary: bool) -> None:
    if isinstance(content, str):
        sys.stdout.write(content)
        return
    if binary and sys.stdout.isatty():
        raise OutputError("refusing to write a binary format to a terminal; give -o FILE or redirect the output")
    sys.stdout.flush()
    content(sys.stdout.buffer)
    sys.stdout.buffer.flush()
