"""Errors that business rules raise and views show to the user (conventions C10)."""


class ApplicationError(Exception):
    """A rule of the domain refused the request; ``message`` is Chinese and user-facing."""

    def __init__(
        self, message: str, *, code: str = "invalid", extra: dict[str, object] | None = None
    ):
        super().__init__(message)
        self.message = message
        self.code = code
        self.extra = extra or {}


class ConflictError(ApplicationError):
    """Someone else changed the record first; the user must reload and retry."""

    def __init__(self, message: str = "该记录已被他人修改，请刷新页面后重试。"):
        super().__init__(message, code="conflict")
