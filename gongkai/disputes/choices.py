"""Enumerations of reconsideration and litigation cases (table 四, spec §2.5)."""

from django.db import models


class DisputeKind(models.TextChoices):
    """Table 四's three blocks: A 行政复议, B 未经复议直接起诉, C 复议后起诉."""

    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION_DIRECT = "litigation_direct", "行政诉讼·未经复议直接起诉"
    LITIGATION_AFTER = "litigation_after", "行政诉讼·复议后起诉"


class DisputeResult(models.TextChoices):
    """结果维持 / 结果纠正 / 其他结果, or pending (尚未审结)."""

    PENDING = "pending", "尚未审结"
    UPHELD = "upheld", "结果维持"
    CORRECTED = "corrected", "结果纠正"
    OTHER = "other", "其他结果"


BLOCKS = {
    DisputeKind.RECONSIDERATION: "A",
    DisputeKind.LITIGATION_DIRECT: "B",
    DisputeKind.LITIGATION_AFTER: "C",
}
# Column number within a block: 1 维持, 2 纠正, 3 其他, 4 尚未审结, 5 总计.
COLUMNS = {
    DisputeResult.UPHELD: 1,
    DisputeResult.CORRECTED: 2,
    DisputeResult.OTHER: 3,
    DisputeResult.PENDING: 4,
}
