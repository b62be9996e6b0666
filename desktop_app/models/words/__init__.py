"""Every word the program shows or writes, in one registry, looked up by one function.

In: the tables of Vietnamese messages (window, outputs, history, dialogs), each under its namespace
("ui.open", "out.level.province", "history.title"). Out: :func:`word`, the entry in a language with
its values filled in; an unknown key raises KeyError (tests/test_word_keys.py finds every key the
code names in the registry, and every registry entry in the code).
"""

from __future__ import annotations

from functools import lru_cache

from desktop_app.models.translation import LANGUAGES, SOURCE, Plural, Renders, catalog, plural_in
from desktop_app.models.words import dialogs, history, outputs, window

Entry = str | tuple[str, str] | Plural  # a message, a message with its context (C_), a count's (NP_)

NAMESPACES: dict[str, dict[str, Entry]] = {
    "ui": dict(window.WORDS),
    "out": dict(outputs.WORDS),
    "history": dict(history.WORDS),
    "export": dict(dialogs.EXPORT),
    "office": dict(dialogs.OFFICE),
    "contents": dict(dialogs.CONTENTS),
    "trend": dict(dialogs.TREND),
}
WORDS: dict[str, Entry] = {
    f"{ns}.{key}": entry for ns, table in NAMESPACES.items() for key, entry in table.items()
}


@lru_cache(maxsize=4)
def _table(lang: str) -> dict[str, str]:
    """The whole registry in ``lang``, from the gettext catalog (a message with a count in its form
    for many; :func:`word` picks the one its count asks for)."""
    words = catalog(lang if lang in LANGUAGES else SOURCE)
    out = {}
    for key, entry in WORDS.items():
        if isinstance(entry, Plural):
            out[key] = plural_in(lang, entry.singular, entry.plural, 2)
        elif isinstance(entry, tuple):
            out[key] = words.pgettext(*entry)
        else:
            out[key] = words.gettext(entry)
    return out


def word(lang: str, key: str, **values: object) -> str:
    """The entry ``key`` ("namespace.name") in ``lang``, ``values`` filled in (a value with words of
    its own, such as a message or an indicator's name, in the same language); a message with a count
    in the form its count asks for ("1 unit", "2 units")."""
    entry = WORDS[key]
    if isinstance(entry, Plural):
        text = plural_in(lang, entry.singular, entry.plural, values.get(entry.count))
    else:
        text = _table(lang)[key]
    if not values:
        return text
    return text.format(**{k: v.render(lang) if isinstance(v, Renders) else v for k, v in values.items()})


def words_in(lang: str, prefix: str) -> dict[str, str]:
    """The entries ``prefix.*`` in ``lang`` (a dialog's words), keyed by the rest of their key."""
    start = f"{prefix}."
    return {k[len(start) :]: v for k, v in _table(lang).items() if k.startswith(start)}
