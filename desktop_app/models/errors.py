"""The one exception the domain raises for a file a clerk gave us that we cannot use."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from desktop_app.models.translation import M_, N_, Message, language

# words that keep their capital inside a sentence (an abbreviation, "XML", keeps it by itself)
NAMES = frozenset({"Excel", "Word", "PowerPoint", "LibreOffice", "OpenDocument", "Windows"})
NOT_FOUND = N_("Không tìm thấy tệp.")
NOT_REGULAR = N_("Không phải tệp thông thường (là thư mục, thiết bị hoặc ống dẫn).")


def regular_file_size(path: str | Path) -> int:
    """The size of ``path``; ReportError when it is missing or not a regular file (a FIFO would
    block the reader, a device never end). Nothing is opened."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReportError(path, M_(NOT_FOUND)) from None
    except OSError as exc:
        raise ReportError(
            path, M_("Không mở được tệp (lỗi hệ thống {errno}).", errno=str(exc.errno))
        ) from None
    if not stat.S_ISREG(st.st_mode):
        raise ReportError(path, M_(NOT_REGULAR))
    return st.st_size


@dataclass(frozen=True)
class InSentence:
    """A message after "Tệp «x»: ", begun as inside a sentence ("Tệp «x»: tệp rỗng (0 byte).",
    "File “x”: the file is empty"), whichever way it is written to stand alone; a name ("Excel")
    or an abbreviation ("XML") keeps its capital."""

    message: Message | str

    def render(self, lang: str) -> str:
        text = self.message.render(lang) if isinstance(self.message, Message) else str(self.message)
        first = text.split(" ", 1)[0].rstrip(".,:;")
        if first[:1].isupper() and first[1:] == first[1:].lower() and first not in NAMES:
            return text[:1].lower() + text[1:]
        return text


class ReportError(Exception):
    """A report file cannot be used; ``message`` says why as data (a :class:`Message`), put into
    words in the language of wherever it is shown, and names no internals.

    ``str(error)`` is the one line shown to the user, in the current language: ``Tệp «name»: message``;
    :meth:`render` is that line in another.
    """

    def __init__(self, path: str | Path | None, message: Message) -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        super().__init__(path, message)

    def __reduce__(self) -> tuple[type[ReportError], tuple[str | None, Message]]:
        return ReportError, (self.path, self.message)

    def __str__(self) -> str:
        return self.line()

    def said(self) -> Message:
        """The one line as data: the file's name and why."""
        if self.path is None:
            return self.message
        return M_("Tệp «{name}»: {message}", name=Path(self.path).name, message=InSentence(self.message))

    def render(self, lang: str) -> str:
        return self.said().render(lang)

    def line(self) -> str:
        return self.render(language())
