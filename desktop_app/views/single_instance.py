"""One window per user: a report opened from Explorer while the app runs goes to that window.

The first instance listens on a local socket named after the user; a second one hands it the
files it was given (one JSON line) and exits.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

logger = logging.getLogger(__name__)

TIMEOUT_MS = 1000
MAX_MESSAGE = 1 << 20  # a list of paths, not a file


def server_name() -> str:
    """The socket's name: one per user (two office staff on one PC each get their own window)."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "user"
    return "chi-so-mot-cua-" + hashlib.sha1(user.encode("utf-8")).hexdigest()[:12]


def send_to_running(paths: list[str], name: str | None = None) -> bool:
    """Hand ``paths`` to a window already running; False when there is none."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write((json.dumps(paths, ensure_ascii=False) + "\n").encode("utf-8"))
    socket.flush()
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for the files a second instance was asked to open; emits ``filesReceived``."""

    filesReceived = Signal(list)

    def __init__(self, parent: QObject | None = None, name: str | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.name = name or server_name()
        self._buffers: dict[QLocalSocket, bytearray] = {}
        self.server.newConnection.connect(self._connection)

    def listen(self) -> bool:
        """Start listening (a stale socket left by a crash is removed first)."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        ok = self.server.listen(self.name)
        if not ok:
            logger.warning("single instance: cannot listen on %s: %s", self.name, self.server.errorString())
        return ok

    def _connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(socket.deleteLater)
            self._buffers[socket] = bytearray()
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, given: QLocalSocket | None = None) -> None:
        socket = given if given is not None else self.sender()
        if not isinstance(socket, QLocalSocket) or socket not in self._buffers:
            return
        buffer = self._buffers[socket]
        buffer.extend(bytes(socket.readAll().data()))
        if len(buffer) > MAX_MESSAGE or b"\n" in buffer:
            line = bytes(buffer).split(b"\n", 1)[0]
            del self._buffers[socket]
            socket.abort()
            if len(buffer) <= MAX_MESSAGE:
                self._deliver(line)

    def _deliver(self, line: bytes) -> None:
        try:
            paths = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            logger.warning("single instance: unreadable message ignored")
            return
        if isinstance(paths, list) and all(isinstance(p, str) for p in paths):
            self.filesReceived.emit(paths)
