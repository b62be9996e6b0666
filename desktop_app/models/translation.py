"""The program's words in the user's language, through gettext.

Vietnamese is the source language: every message is written in Vietnamese in the code (``_()`` and
``N_()`` mark it) and English comes from a catalog, resources/locale/en/LC_MESSAGES/chi_so.mo,
compiled from its .po by ``python packaging/translations.py``. argparse's own messages ("usage:",
"error: …") have a Vietnamese catalog of their own (domain ``argparse``).
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol, runtime_checkable

from desktop_app.models.resources import resource_path
from desktop_app.models.text import printable

DOMAIN = "chi_so"
LANGUAGES = ("vi", "en")
SOURCE = "vi"
_state = {"language": SOURCE}


@lru_cache(maxsize=8)
def catalog(lang: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """The compiled catalog of ``domain`` in ``lang``; none (words as written) when there is none."""
    try:
        return gettext.translation(domain, localedir=str(resource_path("locale")), languages=[lang])
    except OSError:
        return gettext.NullTranslations()


def set_language(lang: str) -> str:
    """The language of the words from now on (an unknown one is Vietnamese); returns it."""
    _state["language"] = lang if lang in LANGUAGES else SOURCE
    return _state["language"]


def language() -> str:
    return _state["language"]


def _(message: str) -> str:
    """``message`` in the current language."""
    return catalog(_state["language"]).gettext(message)


def N_(message: str) -> str:
    """Marks a message for translation where it is written; it is translated where it is shown."""
    return message


def C_(context: str, message: str) -> tuple[str, str]:
    """Marks a message that needs a context to be translated (one Vietnamese word, two English)."""
    return context, message


@dataclass(frozen=True)
class Plural:
    """A message whose words follow a count ("1 unit", "2 units"): its Vietnamese (one form; the
    two are usually the same text), and the parameter that holds the count (``rated`` in
    "{n}/{rated} đơn vị": "0/1 unit")."""

    singular: str
    plural: str
    count: str = "n"


def NP_(singular: str, plural: str, count: str = "n") -> Plural:
    """Marks a message with a count where it is written; where it is shown (``word()``,
    :meth:`Message.render`) the count picks its form."""
    return Plural(singular, plural, count)


def _number(count: object) -> int:
    """gettext's plural rules want an integer: 5.0 -> 5; 1.5 (and anything else) counts as many."""
    if isinstance(count, bool) or not isinstance(count, int | float):
        return 2
    return int(count) if float(count).is_integer() else 2


def n_(singular: str, plural: str, count: object) -> str:
    """The form of a message for ``count`` in the current language (gettext's ngettext)."""
    return catalog(_state["language"]).ngettext(singular, plural, _number(count))


def plural_in(lang: str, singular: str, plural: str, count: object) -> str:
    """:func:`n_` in ``lang``, whatever the current language."""
    return catalog(lang if lang in LANGUAGES else SOURCE).ngettext(singular, plural, _number(count))


@runtime_checkable
class Renders(Protocol):
    """A value that has words of its own in each language (a :class:`Message`, an indicator's name,
    a rate in the language's number style)."""

    def render(self, lang: str) -> str: ...


@dataclass(frozen=True)
class Words:
    """A text written in both languages elsewhere than the catalog (an indicator's name from
    indicators.toml): shown in the one asked for."""

    vi: str
    en: str

    def render(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi

    def __str__(self) -> str:
        return self.render(language())


@dataclass(frozen=True)
class Decimals:
    """A number with ``places`` decimals inside a message ("1,5 GB" / "1.5 GB")."""

    value: float
    places: int = 2

    def render(self, lang: str) -> str:
        text = f"{self.value:,.{self.places}f}"
        if lang == "en":
            return text
        return text.replace(",", " ").replace(".", ",").replace(" ", ".")


@dataclass(frozen=True)
class Series:
    """Texts shown one after another (units named in a warning), each in the language asked for."""

    items: tuple[object, ...]
    separator: str = ", "

    def __post_init__(self) -> None:  # a text among them may come from a file
        items = tuple(printable(i) if isinstance(i, str) else i for i in self.items)
        object.__setattr__(self, "items", items)

    def render(self, lang: str) -> str:
        return self.separator.join(_value(item, lang) for item in self.items)


@dataclass(frozen=True)
class Message:
    """A warning or a refusal as data: its Vietnamese (the catalog's key, or a :class:`Plural`) and
    its parameters, put into words only where it is shown (:meth:`render`), so that a window that
    switches language shows it again in the new one. Made with :func:`M_`; pickles across the
    reader process; ``str()`` is the current language."""

    text: str | Plural
    values: tuple[tuple[str, object], ...] = ()

    def render(self, lang: str) -> str:
        """In ``lang``: the message's words from its catalog, each parameter in the same language
        (a nested message, a :class:`Words`, a count in the language's number style)."""
        values = {name: _value(value, lang) for name, value in self.values}
        if isinstance(self.text, Plural):
            count = dict(self.values).get(self.text.count)
            text = plural_in(lang, self.text.singular, self.text.plural, count)
        else:
            text = translate(lang, self.text)
        return text.format(**values) if values else text

    def __str__(self) -> str:
        return self.render(language())


def M_(text: str | Plural, /, **values: object) -> Message:
    """A message kept as data (its words chosen where it is shown); marks ``text`` for translation.
    Text among the values (taken from a file: names, headers, cells) is made printable here."""
    kept = tuple((k, printable(v) if isinstance(v, str) else v) for k, v in values.items())
    return Message(text, kept)


def plain(text: str) -> Message:
    """A text that needs no translation (a name, a line already in words), as a message."""
    return Message("{text}", (("text", printable(text)),))


def _value(value: object, lang: str) -> str:
    """A message's parameter in ``lang``: what has words of its own renders itself, a count is
    written in the language's number style."""
    if isinstance(value, Renders):
        return value.render(lang)
    if isinstance(value, int) and not isinstance(value, bool):
        text = f"{value:,}"  # numbers.format_count's style; the reader, which says these, cannot import it
        return text if lang == "en" else text.replace(",", ".")
    if isinstance(value, float):
        return Decimals(value).render(lang)
    return str(value)


def translate(lang: str, message: str) -> str:
    """``message`` in ``lang``, whatever the current language (an export in another language)."""
    return catalog(lang if lang in LANGUAGES else SOURCE).gettext(message)


def localise_argparse(lang: str) -> None:
    """argparse's own words ("usage:", "error:", "the following arguments are required") in
    ``lang``: argparse looks them up through the gettext functions it imported."""
    import argparse

    words = catalog(lang if lang in LANGUAGES else SOURCE, "argparse")
    argparse._ = words.gettext  # type: ignore[attr-defined]
    argparse.ngettext = words.ngettext  # type: ignore[attr-defined]


@contextmanager
def using(lang: str) -> Iterator[None]:
    """The current language is ``lang`` inside the block."""
    before = _state["language"]
    set_language(lang)
    try:
        yield
    finally:
        _state["language"] = before
