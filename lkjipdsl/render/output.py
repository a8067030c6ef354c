"""Writing output: atomically to a file, in place to a device or FIFO, or to standard output.

Where `-o` leads is settled before anything is rendered (`destination`), by one set of rules
(docs/security.md, S3 and S11–S14):

- never over an input: the output may not be the same file (device and inode, after every link is
  resolved) as the spec, the template or the workbook being read;
- never through another user's link in a shared directory: a symbolic link in a sticky,
  world-writable directory (such as /tmp) is followed only when it belongs to the current user or
  to the directory's owner, the kernel's `protected_symlinks` rule, which `os.replace` would
  otherwise bypass; a followed link is written next to its real target;
- a device or a FIFO that exists is written in place, streamed, never replaced by a regular file;
  a FIFO that nobody reads is refused rather than waited for;
- a read-only file is not replaced unless the user says `--force`.

A regular file is written to a temporary file in the same directory and moved over the target
with `os.replace` only once the whole output is written and flushed to disk; any failure (an
exception in a renderer, a full disk, SIGTERM or SIGHUP in the command) removes the temporary
file and leaves an existing target untouched. `-` (and `/dev/stdout`) means standard output.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from ..records import record

from ..diagnostics import os_reason
from ..diagnostics import shown_path as display
from ..i18n import _

STDOUT = "-"
_STDOUT_ALIASES = ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")
_DESCRIPTOR_FOLDERS = ("/dev/fd/", "/proc/self/fd/")
_MAX_LINKS = 40  # as the kernel's ELOOP

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from typing import BinaryIO

    Content = str | Callable[[BinaryIO], None]  # text, or a writer of bytes (xlsx, docx, png)


class OutputError(Exception):
    """The output cannot or must not be written (a message for the user, exit status 2)."""


@record(frozen=True)
class Destination:
    """Where output goes: standard output, a regular file replaced atomically, or a stream written
    in place (a device, a FIFO, a descriptor)."""

    kind: str  # "stdout" | "file" | "stream"
    path: str = ""  # the real path written to (links resolved)
    named: str = ""  # the path as the user named it, for messages


def destination(output: str | os.PathLike | None, inputs: Iterable[str | os.PathLike] = (),
                force: bool = False) -> Destination:
    """Where `output` leads, after the rules above; raises OutputError when it must not be written."""
    if output is None or os.fspath(output) in (STDOUT, ""):
        return Destination("stdout")
    named = os.fspath(output)
    absolute = os.path.abspath(named)
    if absolute in _STDOUT_ALIASES:
        return Destination("stdout", named=named)
    if absolute.startswith(_DESCRIPTOR_FOLDERS):  # an open descriptor: write to it as it is
        return Destination("stream", absolute, named)
    real = _resolve(absolute, named)
    try:
        info = os.stat(real)
    except FileNotFoundError:
        folder = os.path.dirname(real)
        if not os.path.isdir(folder):
            raise OutputError(_("cannot write {file}: the folder {folder} does not exist").format(
                file=display(named), folder=display(folder))) from None
        return Destination("file", real, named)
    except OSError as exc:
        raise OutputError(_("cannot write {file}: {reason}").format(file=display(named),
                                                                  reason=os_reason(exc))) from None
    _refuse_inputs(info, named, inputs)
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(_("cannot write {file}: it is a folder; name a file inside it").format(file=display(named)))
    if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        return Destination("stream", real, named)
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(_("cannot write {file}: it is not a regular file (a socket?)").format(file=display(named)))
    if not force and (not info.st_mode & 0o222 or not os.access(real, os.W_OK)):
        raise OutputError(_("{file} is read-only: lkjipdsl does not replace it; "
                            "make it writable, choose another name, or give --force").format(file=display(named)))
    return Destination("file", real, named)


def _refuse_inputs(info: os.stat_result, named: str, inputs: Iterable[str | os.PathLike]) -> None:
    for source in inputs:
        with contextlib.suppress(OSError, ValueError):
            other = os.stat(source)
            if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                raise OutputError(_("refusing to write {file}: it is {source}, which this command reads; "
                                    "choose another output file").format(file=display(named), source=display(source)))


def _resolve(absolute: str, named: str) -> str:
    """The real path of `absolute`, following links one component at a time and refusing a link
    that the kernel's protected_symlinks rule would refuse (another user's link in a sticky,
    world-writable directory). A missing last component is fine (a new file)."""
    pending = [part for part in absolute.split("/") if part]
    done = "/"
    hops = 0
    while pending:
        part = pending.pop(0)
        if part == ".":
            continue
        if part == "..":
            done = os.path.dirname(done)
            continue
        here = os.path.join(done, part)
        try:
            info = os.lstat(here)
        except OSError:  # missing (a new file or folder): the rest is taken as it stands
            return os.path.join(here, *pending)
        if not stat.S_ISLNK(info.st_mode):
            done = here
            continue
        hops += 1
        if hops > _MAX_LINKS:
            raise OutputError(_("cannot write {file}: too many levels of symbolic links").format(file=display(named)))
        _check_link(info, done, here, named)
        target = os.readlink(here)
        pending = [p for p in target.split("/") if p] + pending
        if target.startswith("/"):
            done = "/"
    return done


def _check_link(link: os.stat_result, folder: str, path: str, named: str) -> None:
    folder_info = os.stat(folder)
    shared = folder_info.st_mode & stat.S_ISVTX and folder_info.st_mode & stat.S_IWOTH
    if shared and link.st_uid not in (os.geteuid(), folder_info.st_uid):
        raise OutputError(
            _("refusing to write {file}: {link} is a symbolic link that belongs to another user (uid {uid}) "
              "in the shared folder {folder}; remove it or choose another name").format(
                file=display(named), link=display(path), uid=link.st_uid, folder=display(folder)))


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file that replaces `path` only when the `with` block completes without an exception.

    `path` should be a Destination's real path (links resolved): the file is created beside it."""
    import secrets

    target = os.path.abspath(path)
    directory, name = os.path.split(target)
    temp = os.path.join(directory, f".{name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)  # & ~umask, like open()
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


@contextlib.contextmanager
def stream_write(path: str) -> Iterator[BinaryIO]:
    """A device, FIFO or descriptor opened for writing in place. A FIFO that nobody reads is an
    error at once, not a wait that never ends."""
    import fcntl

    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError(_("cannot write {file}: no program is reading from this FIFO").format(
                file=display(path))) from None
        raise
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    with os.fdopen(fd, "wb") as file:
        yield file


def emit(content: Content, output: str | Destination | None, binary: bool,
         inputs: Iterable[str | os.PathLike] = (), force: bool = False) -> None:
    """Write content to `output` (a Destination, or a path checked by `destination`), or to
    standard output when output is None or '-'.

    Raises OutputError for a binary format sent to a terminal and for a file that cannot or must
    not be written (exit status 2)."""
    where = output if isinstance(output, Destination) else destination(output, inputs, force)
    if where.kind == "stdout":
        _to_stdout(content, binary)
        return
    opener = atomic_write if where.kind == "file" else stream_write
    try:
        with opener(where.path) as file:
            if isinstance(content, str):
                file.write(content.encode("utf-8", "surrogateescape"))
            else:
                content(file)
    except OSError as exc:
        reason = _("no space left on the device") if exc.errno == errno.ENOSPC else os_reason(exc)
        raise OutputError(_("cannot write {file}: {reason}").format(file=display(where.named or where.path),
                                                                  reason=reason)) from None


def _to_stdout(content: Content, binary: bool) -> None:
    if isinstance(content, str):
        sys.stdout.write(content)
        return
    if binary and sys.stdout.isatty():
        raise OutputError(_("refusing to write a binary format to a terminal; give -o FILE or redirect the output"))
    sys.stdout.flush()
    content(sys.stdout.buffer)
    sys.stdout.buffer.flush()
