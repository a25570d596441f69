"""Where uploaded documents and built files are kept: Django's storage API, so that one setting moves them from the
local disk to an S3-compatible bucket shared by several web and worker machines (see icc_portal/settings/storage.py).
"""

import errno
import os
import tempfile

from django.core.files.storage import FileSystemStorage

from .errors import StorageFull

FULL = {errno.ENOSPC, errno.EDQUOT}


class LocalStorage(FileSystemStorage):
    """The local disk under MEDIA_ROOT, written so that nothing half-written ever carries a file's name.

    A file is written to a hidden temporary file beside its destination and linked to its name only once complete;
    the temporary file goes whatever happens. A full disk raises `StorageFull`, which pages show as a message.
    """

    def _save(self, name, content):
        directory = os.path.dirname(self.path(name))
        os.makedirs(directory, exist_ok=True)
        try:
            handle, partial = tempfile.mkstemp(dir=directory, prefix=".partial-")
        except OSError as error:
            raise _readable(error) from error
        try:
            with os.fdopen(handle, "wb") as destination:
                self._write(destination, content)
                destination.flush()
                os.fsync(destination.fileno())
            os.chmod(partial, self.file_permissions_mode or 0o644)
            while True:
                try:
                    os.link(partial, self.path(name))  # never replaces a file: a taken name raises
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
        except OSError as error:
            raise _readable(error) from error
        finally:
            os.unlink(partial)
        return name.replace("\\", "/")

    def _write(self, destination, content) -> None:
        for chunk in content.chunks():
            destination.write(chunk if isinstance(chunk, bytes) else chunk.encode())


def _readable(error: OSError) -> Exception:
    return StorageFull() if error.errno in FULL else error
