"""Report → a self-contained HTML page laid out like the official tables.

One file, no external assets: inline CSS only, every text escaped. Tables use the template's
merged headers (rowspan/colspan), table 三 carries the printed 勾稽 note in its top-left
header cell, numbers are right-aligned. The markup is plain enough that our own HTML
extractor (and any CMS) reads it back cell for cell.
"""

from __future__ import annotations

from html import escape
from typing import Final

from gongkai.reportkit._layout import LCell, LHeading, LPara, LTable, layout, title_of
from gongkai.reportkit.schema import Report

_CSS: Final = """
body{font-family:"FangSong","仿宋","STFangsong","Noto Serif CJK SC",serif;font-size:16pt;
line-height:1.8;max-width:210mm;margin:2em auto;padding:0 1em;color:#000}
h1{font-family:"SimSun","宋体","Noto Serif CJK SC",serif;font-size:22pt;text-align:center}
h2{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;font-size:16pt;margin:1em 0 .5em}
p{text-indent:2em;margin:.3em 0}
table{border-collapse:collapse;width:100%;margin:.5em 0 1em;font-size:10.5pt;line-height:1.4;
font-family:"SimSun","宋体","Noto Serif CJK SC",serif}
th,td{border:1px solid #000;padding:2px 4px;text-align:center;vertical-align:middle}
td.label{text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}
caption{font-weight:bold}
""".strip()


def render_html(report: Report) -> str:
    """The report as one HTML document (UTF-8, inline CSS, no scripts)."""
    title = escape(title_of(report))
    body = "\n".join(_block(block) for block in layout(report))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def _block(block: LHeading | LPara | LTable) -> str:
    if isinstance(block, LHeading):
        tag = "h1" if block.level == 0 else "h2"
        return f"<{tag}>{escape(block.text)}</{tag}>"
    if isinstance(block, LPara):
        return f"<p>{escape(block.text)}</p>"
    return _table(block)


def _table(table: LTable) -> str:
    lines = [f'<table class="{table.key}">']
    for r, row in enumerate(table.rows):
        in_head = r < table.header_rows
        cells = "".join(_cell(cell, in_head) for cell in row)
        lines.append(f"<tr>{cells}</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def _cell(cell: LCell, in_head: bool) -> str:
    tag = "th" if cell.header or in_head else "td"
    attrs = ""
    if cell.rowspan > 1:
        attrs += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        attrs += f' colspan="{cell.colspan}"'
    if tag == "td":
        attrs += ' class="num"' if cell.numeric else ' class="label"'
    return f"<{tag}{attrs}>{escape(cell.text)}</{tag}>"
