"""A storage for the full-disk drill: the local disk as the portal writes it, on a disk that fills up after 4 KB."""

import errno

from core.storage import LocalStorage


class FullDiskStorage(LocalStorage):
    room = 4096
    written = 0  # what the last save managed to write before the disk was full

    def _write(self, destination, content) -> None:
        FullDiskStorage.written = 0
        for chunk in content.chunks():
            for start in range(0, len(chunk), 1024):
                if FullDiskStorage.written >= self.room:
                    raise OSError(errno.ENOSPC, "No space left on device")
                destination.write(chunk[start : start + 1024])
                destination.flush()  # on the disk, as far as it goes
                FullDiskStorage.written += len(chunk[start : start + 1024])
