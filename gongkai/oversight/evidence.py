"""Checks on uploaded evidence (screenshots, rectification proof, training materials): the type
comes from the file's content, never its name; the size is limited. Files are stored under
``private/oversight/`` and served only through ``views.evidence`` after a permission check."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile

from gongkai.core.errors import ApplicationError

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024

SIGNATURES: dict[bytes, str] = {
    b"%PDF-": "application/pdf",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"GIF87a": "image/gif",
    b"GIF89a": "image/gif",
    b"PK\x03\x04": "application/zip",  # DOCX/XLSX/PPTX training materials
}


def sniff(head: bytes) -> str | None:
    for magic, content_type in SIGNATURES.items():
        if head.startswith(magic):
            return content_type
    return None


def check_evidence(upload: UploadedFile) -> str:
    """The content type of ``upload``; ApplicationError unless allowed and small enough."""
    size = upload.size or 0
    if size == 0:
        raise ApplicationError("上传的文件是空文件。")
    if size > MAX_EVIDENCE_BYTES:
        raise ApplicationError(f"上传的文件不能超过 {MAX_EVIDENCE_BYTES // (1024 * 1024)} MB。")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = sniff(head)
    if content_type is None:
        raise ApplicationError(
            "只能上传 PNG、JPEG、GIF 图片或 PDF、Office 文件（按文件内容判断）。"
        )
    return content_type
