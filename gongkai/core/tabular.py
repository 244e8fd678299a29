"""Reading uploaded CSV/XLSX tables into rows of text, with clear errors for bad files.

Imports (Article 20 statistics, public messages, …) all start here: the file is checked by
its content (an XLSX is a zip with a workbook; a CSV must decode as UTF-8 or GB18030), the
header row is matched to the expected Chinese column names, and every row comes back as a
``dict`` of stripped strings with its 1-based line number for error reports.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import IO

from gongkai.core.errors import ApplicationError

MAX_ROWS = 200_000
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]


def read_table(
    upload: IO[bytes], *, filename: str, columns: Mapping[str, tuple[str, ...]]
) -> list[Row]:
    """Rows of the uploaded table keyed by the canonical names of ``columns``.

    ``columns`` maps a canonical key to the header texts accepted for it (first is preferred).
    Raises ApplicationError naming the problem when the file cannot be read as such a table.
    """
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ApplicationError("文件过大（上限 20 MB），请拆分后分批导入。")
    if not data.strip():
        raise ApplicationError("文件为空。")
    if data[:4] == b"PK\x03\x04":
        table = _xlsx_rows(data)
    elif filename.lower().endswith((".xlsx", ".xls")):
        raise ApplicationError("文件不是有效的 XLSX 工作簿（仅支持 .xlsx，不支持旧版 .xls）。")
    else:
        table = _csv_rows(data)
    return _keyed(table, columns)


def _csv_rows(data: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ApplicationError("无法识别文件编码，请保存为 UTF-8 编码的 CSV 或 XLSX 文件。")
    if "\x00" in text:
        raise ApplicationError("文件不是文本格式的 CSV，请上传 CSV 或 XLSX 文件。")
    return [list(r) for r in csv.reader(io.StringIO(text))]


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ApplicationError(f"XLSX 文件无法读取：{exc.__class__.__name__}") from None
    sheet = workbook.worksheets[0]
    rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _keyed(table: list[list[str]], columns: Mapping[str, tuple[str, ...]]) -> list[Row]:
    rows = [r for r in table if any(c.strip() for c in r)]
    if not rows:
        raise ApplicationError("文件中没有数据。")
    header = [c.strip() for c in rows[0]]
    positions: dict[str, int] = {}
    for key, names in columns.items():
        for name in names:
            if name in header:
                positions[key] = header.index(name)
                break
        else:
            raise ApplicationError(
                f"缺少列“{names[0]}”。表头应为：{'、'.join(n[0] for n in columns.values())}。"
            )
    if len(rows) - 1 > MAX_ROWS:
        raise ApplicationError(f"行数超过上限 {MAX_ROWS}，请拆分后分批导入。")
    result = []
    for offset, raw in enumerate(rows[1:], start=2):
        cells = [c.strip() for c in raw]
        values = {k: (cells[i] if i < len(cells) else "") for k, i in positions.items()}
        result.append(Row(line=offset, values=values))
    return result


def parse_count(text: str) -> int:
    """A non-negative integer; tolerates thousands separators and full-width digits."""
    cleaned = _halfwidth(text).replace(",", "").strip()
    if not cleaned.isdigit():
        raise ValueError("应为非负整数")
    return int(cleaned)


def parse_decimal(text: str, *, places: int) -> Decimal:
    cleaned = _halfwidth(text).replace(",", "").strip()
    try:
        value = Decimal(cleaned)
    except ArithmeticError:
        raise ValueError("应为数字") from None
    if not value.is_finite() or value < 0:
        raise ValueError("应为非负数")
    if -value.as_tuple().exponent > places:  # type: ignore[operator]
        raise ValueError(f"最多保留 {places} 位小数")
    return value


def parse_date(text: str) -> date:
    cleaned = _halfwidth(text).strip().replace("/", "-").replace(".", "-")
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError("日期格式应为 YYYY-MM-DD") from None


def _halfwidth(text: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) if "！" <= c <= "～" else c for c in text)
