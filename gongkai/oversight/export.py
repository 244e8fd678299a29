"""XLSX export of an annual assessment (openpyxl)."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from gongkai.oversight.figures import AssessmentTable


def assessment_xlsx(*, title: str, table: AssessmentTable) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "考核结果"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    header = ["名次", "单位", *[f"{line.label}（{line.points}分）" for line in table.lines], "总分"]
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in table.rows:
        values: list[object] = [row.rank or "", row.organisation.name]
        values += [float(c.score) if c and c.score is not None else "" for c in row.scores]
        values.append(float(row.total) if row.total is not None else "未完成")
        sheet.append(values)
    sheet.column_dimensions["B"].width = 32
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
