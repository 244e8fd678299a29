"""信息处理费 calculator (条例第42条; 国办函〔2020〕109号; spec §1.5, decision D9). Pure.

The fee steers applicants whose requests clearly exceed a reasonable quantity or frequency; it
is not cost recovery (109号第2条). An organ charges one method per application, 按件 or 按量,
never both (109号第3条; D9). Both methods are progressive on the excess.

- 按件 (109号第4条): by the applicant's cumulative number of applications in one calendar month
  (after 一事一申请 splitting). The K-th application costs: K ≤ 10 free; 11–30 ¥100; from 31 on,
  bands of 10 each ¥100 dearer (31–40 ¥200, 41–50 ¥300, …).
- 按量 (109号第5条): by pages of one application: 1–30 free, pages 31–100 ¥10 each,
  101–200 ¥20 each, 201 and above ¥40 each.

Amounts are whole yuan as ``Decimal``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import NoReturn, TextIO

# 109号第4条: the first 10 applications in a month are free; 11–30 cost ¥100 each.
PER_ITEM_FREE = 10
PER_ITEM_FIRST_BAND_END = 30
PER_ITEM_STEP = Decimal(100)  # the unit price of 11–30, and the rise per further band
PER_ITEM_BAND = 10  # from the 31st, each band of 10 raises the unit price by PER_ITEM_STEP

# 109号第5条: (last page of the band, price per page in the band); the last band is open.
PER_VOLUME_BANDS: tuple[tuple[int | None, Decimal], ...] = (
    (30, Decimal(0)),
    (100, Decimal(10)),
    (200, Decimal(20)),
    (None, Decimal(40)),
)


def fee_per_item(*, nth: int) -> Decimal:
    """Fee for the ``nth`` application of one applicant in one calendar month (按件)."""
    if nth < 1:
        raise ValueError(f"本月申请件次必须为不小于1的整数，收到 {nth}")
    if nth <= PER_ITEM_FREE:
        return Decimal(0)
    if nth <= PER_ITEM_FIRST_BAND_END:
        return PER_ITEM_STEP
    band = (nth - PER_ITEM_FIRST_BAND_END - 1) // PER_ITEM_BAND  # 31–40 → 0, 41–50 → 1, …
    return PER_ITEM_STEP * (2 + band)


def fee_per_item_total(*, count: int) -> Decimal:
    """Total 按件 fee for the first ``count`` applications of one applicant in one month."""
    if count < 0:
        raise ValueError(f"本月申请件数不能为负数，收到 {count}")
    return sum((fee_per_item(nth=k) for k in range(1, count + 1)), Decimal(0))


def fee_per_volume(*, pages: int) -> Decimal:
    """Fee for one application of ``pages`` pages (按量), progressive on the excess."""
    if pages < 0:
        raise ValueError(f"页数不能为负数，收到 {pages}")
    fee, band_start = Decimal(0), 0
    for band_end, price in PER_VOLUME_BANDS:
        last = pages if band_end is None else min(pages, band_end)
        fee += price * max(0, last - band_start)
        if band_end is None or pages <= band_end:
            break
        band_start = band_end
    return fee


def fee_main(
    argv: Sequence[str], *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """``fee --per-item --nth K`` | ``--per-item --count N`` | ``--per-volume --pages P`` [--json].

    Prints the fee in yuan; returns the exit code (0 ok, 2 bad arguments).
    """
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        args = _fee_parser().parse_args(argv)
        label, fee = _compute(args)
    except _UsageError as error:
        if str(error):
            print(f"error: {error}", file=err)
        return error.status
    except ValueError as error:
        print(f"error: {error}", file=err)
        return 2
    if args.json:
        print(json.dumps({"method": label, "fee_yuan": str(fee)}, ensure_ascii=False), file=out)
    else:
        print(f"{fee} 元", file=out)
    return 0


def _compute(args: argparse.Namespace) -> tuple[str, Decimal]:
    if args.per_volume:
        if args.pages is None or args.nth is not None or args.count is not None:
            raise _UsageError("--per-volume takes --pages P only")
        return "per_volume", fee_per_volume(pages=args.pages)
    if args.pages is not None or (args.nth is None) == (args.count is None):
        raise _UsageError("--per-item takes exactly one of --nth K or --count N (not --pages)")
    if args.nth is not None:
        return "per_item", fee_per_item(nth=args.nth)
    return "per_item_total", fee_per_item_total(count=args.count)


class _UsageError(Exception):
    """argparse wants to stop (bad arguments, or --help); we return a code instead of exiting."""

    def __init__(self, message: str, *, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        raise _UsageError(message or "", status=status)


def _fee_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="fee", description="信息处理费 (国办函〔2020〕109号), in yuan.")
    method = parser.add_mutually_exclusive_group(required=True)  # D9: one method per application
    method.add_argument("--per-item", action="store_true", help="按件: by monthly count")
    method.add_argument("--per-volume", action="store_true", help="按量: by pages")
    parser.add_argument("--nth", type=int, help="the K-th application this month (按件)")
    parser.add_argument("--count", type=int, help="total for N applications this month (按件)")
    parser.add_argument("--pages", type=int, help="pages of the application (按量)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    return parser
