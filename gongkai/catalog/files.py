"""Attachment checks: the type comes from the file's content (magic bytes and, for Office
files, the package structure), never from its name; the size is limited."""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from typing import IO

from gongkai.catalog.choices import AttachmentKind
from gongkai.core.errors import ApplicationError

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

CONTENT_TYPES: dict[str, str] = {
    AttachmentKind.PDF: "application/pdf",
    AttachmentKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    AttachmentKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    AttachmentKind.PNG: "image/png",
    AttachmentKind.JPEG: "image/jpeg",
    AttachmentKind.GIF: "image/gif",
}


@dataclass(frozen=True)
class CheckedFile:
    kind: str
    size: int
    sha256: str


def check_file(stream: IO[bytes], *, size: int) -> CheckedFile:
    """Raise ApplicationError unless ``stream`` is an allowed type within the size limit."""
    if size > MAX_ATTACHMENT_BYTES:
        limit = MAX_ATTACHMENT_BYTES // (1024 * 1024)
        raise ApplicationError(f"附件不能超过 {limit} MB。")
    if size == 0:
        raise ApplicationError("附件是空文件。")
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    kind = _kind(head, stream)
    if kind is None:
        raise ApplicationError(
            "只能上传 PDF、DOCX、XLSX 文件或 PNG、JPEG、GIF 图片（按文件内容判断）。"
        )
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(65536), b""):
        digest.update(chunk)
    stream.seek(0)
    return CheckedFile(kind=kind, size=size, sha256=digest.hexdigest())


def _kind(head: bytes, stream: IO[bytes]) -> str | None:
    if head.startswith(b"%PDF-"):
        return AttachmentKind.PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return AttachmentKind.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return AttachmentKind.JPEG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return AttachmentKind.GIF
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(stream)
    return None


def _office_kind(stream: IO[bytes]) -> str | None:
    try:
        with zipfile.ZipFile(stream) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        stream.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return AttachmentKind.DOCX
    if "xl/workbook.xml" in names:
        return AttachmentKind.XLSX
    return None
