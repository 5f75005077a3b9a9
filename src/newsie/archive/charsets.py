"""Encodings as browsers read them (the WHATWG Encoding Standard) where Python reads otherwise.

A file said to be latin-1 (ISO-8859-1) or ASCII is, in practice, windows-1252: Windows
tools write "…", "–" and curly quotes as bytes 0x80-0x9F, which Latin-1 reads as control
characters (0x85 as NEL, a line break that cuts a title). Browsers read all those labels
as windows-1252, and the five bytes windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90
0x9D) as the Latin-1 characters of the same value, so that no byte fails. `WINDOWS_1252`
is that codec, registered with Python's codecs once, when this module is first imported.
"""
from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

WINDOWS_1252 = "newsie-windows-1252"
# The names `codecs.lookup` gives the labels read as WINDOWS_1252: latin-1, latin1, l1,
# iso-8859-1, cp819, ... ("iso8859-1") and ascii, us-ascii, 646, ... ("ascii").
_LATIN1 = frozenset({"iso8859-1", "ascii"})

_DECODING = "".join(
    chr(byte) if "\udc80" <= char <= "\udcff" else char
    for byte, char in enumerate(bytes(range(256)).decode("cp1252", "surrogateescape"))
)
_ENCODING = codecs.charmap_build(_DECODING)


def as_browsers_read(codec: str) -> str:
    """`codec` (a name as `codecs.lookup` gives it) as browsers read it: `WINDOWS_1252` for
    Latin-1 and ASCII, else itself."""
    return WINDOWS_1252 if codec in _LATIN1 else codec


def _encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
    return codecs.charmap_encode(text, errors, _ENCODING)


def _decode(data: ReadableBuffer, errors: str = "strict") -> tuple[str, int]:
    return codecs.charmap_decode(data, errors, _DECODING)


class _IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input: str, final: bool = False) -> bytes:
        return _encode(input, self.errors)[0]


class _IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input: ReadableBuffer, final: bool = False) -> str:
        return _decode(input, self.errors)[0]


def _search(name: str) -> codecs.CodecInfo | None:
    if name != WINDOWS_1252.replace("-", "_"):  # (the name as `codecs.lookup` hands it on)
        return None
    return codecs.CodecInfo(
        _encode, _decode, incrementalencoder=_IncrementalEncoder, incrementaldecoder=_IncrementalDecoder, name=WINDOWS_1252
    )


try:
    codecs.lookup(WINDOWS_1252)
except LookupError:
    codecs.register(_search)
