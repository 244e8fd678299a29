"""Rebuild table rows whose blanks were dropped or whose digits ran together.

Text exports lose structure in two ways (ogi-spec §2.7, fixtures/real/SOURCES.md):

* blank cells vanish ("64 2 0 0 0 66" for seven columns);
* cell separators vanish ("21710000218" for 217 1 0 0 0 0 218).

A row is a sequence of tokens (digit runs, "/" marks, explicit blanks). ``row_candidates``
enumerates every way to cut the tokens into the row's cells, optionally inserting dropped
blanks (read as 0, provenance *imputed*), and keeps the readings that satisfy the row's own
identity (T3-02 ``C7 = ΣC1..C6``; T4-01 per block). ``solve_table3`` then keeps only the
combinations of row readings that satisfy the column identities T3-01 and T3-03.

A cell gets a value only when every surviving reading agrees on it; otherwise it is
*ambiguous* (value None). We never pick one of several readings: a wrong value in a report
that a supervisor checks is worse than an honest gap.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final, Literal

from gongkai.reportkit.schema import Provenance

TokenKind = Literal["num", "na", "blank", "dec"]


@dataclass(frozen=True, slots=True)
class Token:
    """One visible item of a value run. ``grouped`` numbers had thousands separators."""

    kind: TokenKind
    text: str
    grouped: bool = False


Values = tuple[int | None, ...]
Provs = tuple[Provenance, ...]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of a row: values (None only for "/" cells) and provenance per cell."""

    values: Values
    provenance: Provs

    @property
    def numbers(self) -> tuple[int, ...]:
        """Values with NA as 0, for the sum rules (ogi-spec §2.3)."""
        return tuple(v or 0 for v in self.values)


@dataclass(frozen=True, slots=True)
class Shape:
    """Cells of a row as groups: (size, last cell is the sum of the others)."""

    groups: tuple[tuple[int, bool], ...]
    max_digits: int = 7
    # Number of cells, computed once: it is read several times for every row of every table.
    size: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "size", sum(g for g, _ in self.groups))


T3_ROW: Final = Shape(((7, True),), max_digits=6)
T4_ROW: Final = Shape(((5, True),) * 3, max_digits=5)
T2_DOCS: Final = Shape(((3, False),), max_digits=7)
T2_ONE: Final = Shape(((1, False),), max_digits=9)

# Enumeration budget per row: garbage (random digits) must not stall the parser.
_MAX_NODES: Final = 60000
_MAX_OUTER: Final = 4096
_MAX_STATES: Final = 20000


class TooComplex(Exception):
    """The row has too many readings to enumerate; the caller reports it as ambiguous."""


@dataclass(slots=True)  # not frozen: one per row, and a frozen __init__ costs ~3x; never mutated
class Resolution:
    """The settled reading of one row: values (None = ambiguous or NA) and provenance."""

    values: Values
    provenance: Provs
    blank_uncertain: bool = False  # which of several equal cells was dropped is unknown


# --- one row ---------------------------------------------------------------------------------


def row_candidates(tokens: Sequence[Token], shape: Shape, *, exact: bool) -> list[Candidate]:
    """Every reading of ``tokens`` that fits ``shape``; raises ``TooComplex`` on a blow-up.

    ``exact`` rows come from real cell boundaries: tokens are cells, blanks are explicit.
    """
    toks = tuple(tokens)
    if exact and len(toks) == shape.size:
        direct = _direct(toks, shape)
        return [direct] if direct is not None else []
    allow_blanks = not exact or len(toks) < shape.size
    if allow_blanks and not exact and len(toks) == 1:
        # A run with no separator at all was flattened from printed cells: a blank inside it
        # is only hypothesised when no reading without blanks fits (documented assumption;
        # pingtan-2021 表四 "10203120001200000" reads uniquely under it).
        plain = _cached_candidates(toks, shape, False)
        if plain:
            return list(plain)
    return list(_cached_candidates(toks, shape, allow_blanks))


def _direct(tokens: tuple[Token, ...], shape: Shape) -> Candidate | None:
    # ``_single_cell`` inlined: this runs for every row of every HTML/DOCX/PDF table.
    values: list[int | None] = []
    provs: list[Provenance] = []
    max_digits = shape.max_digits
    for tok in tokens:
        kind = tok.kind
        if kind == "num":  # the most frequent kind first
            if len(tok.text) > max_digits:
                return None
            values.append(int(tok.text))
            provs.append(_READ)
        elif kind == "blank":
            values.append(0)
            provs.append(_BLANK)
        elif kind == "na":
            values.append(None)
            provs.append(_NA)
        else:
            return None
    return Candidate(tuple(values), tuple(provs))


_BLANK: Final = Provenance.BLANK
_NA: Final = Provenance.NOT_APPLICABLE
_READ: Final = Provenance.READ


def _single_cell(tok: Token, max_digits: int) -> tuple[int | None, Provenance] | None:
    if tok.kind == "blank":
        return 0, Provenance.BLANK
    if tok.kind == "na":
        return None, Provenance.NOT_APPLICABLE
    if tok.kind == "num" and len(tok.text) <= max_digits:
        return int(tok.text), Provenance.READ
    return None


@lru_cache(maxsize=4096)
def _cached_candidates(
    tokens: tuple[Token, ...], shape: Shape, allow_blanks: bool
) -> tuple[Candidate, ...]:
    return tuple(_Enumerator(tokens, shape, allow_blanks).run())


def _preference(provs: Provs, totals: frozenset[int]) -> tuple[int, tuple[int, ...]]:
    """Among equal values prefer fewer dropped blanks, then blanks placed rightmost.

    The values do not depend on this choice; it only decides which cell is *labelled* as
    imputed. A printed total is the least likely cell to be dropped, and the gold files record
    a dropped zero as the rightmost applicant column (C6), so totals rank last.
    """
    imputed = [i for i, p in enumerate(provs) if p is Provenance.IMPUTED]
    ranks = tuple(sorted((-1 if i in totals else i for i in imputed), reverse=True))
    return -len(imputed), ranks


_Cell = tuple[int | None, Provenance]
_State = tuple[int, int]  # (token index, position inside the token)


class _Enumerator:
    """Cell-by-cell dynamic programme over (token, position) states.

    Each state keeps one provenance per distinct value prefix, so equivalent readings (the
    same zeros with the blank in different places) collapse instead of multiplying. The row
    identity is checked as soon as a group's total cell is read.
    """

    def __init__(self, tokens: tuple[Token, ...], shape: Shape, allow_blanks: bool) -> None:
        self.tokens = tokens
        self.shape = shape
        self.allow_blanks = allow_blanks
        self.nodes = 0
        # A row that lost most of its cells is a truncated row, not one with dropped blanks:
        # rebuilding it would invent values. At most a third of the cells may be imputed.
        self.max_blanks = max(1, shape.size // 3)
        totals: set[int] = set()
        at = 0
        for size, summed in shape.groups:
            at += size
            if summed:
                totals.add(at - 1)
        self.totals = frozenset(totals)
        # Digits and tokens still to place from each token index on (feasibility pruning).
        self.digits_from = [0] * (len(tokens) + 1)
        for i in range(len(tokens) - 1, -1, -1):
            self.digits_from[i] = self.digits_from[i + 1] + max(1, len(tokens[i].text))

    def run(self) -> list[Candidate]:
        states: dict[_State, dict[Values, Provs]] = {(0, 0): {(): ()}}
        placed = 0
        for size, summed in self.shape.groups:
            free = size - 1 if summed else size
            for _ in range(free):
                placed += 1
                states = self._step(states, placed, None)
            if summed:
                placed += 1
                states = self._step(states, placed, free)
        final = states.get((len(self.tokens), 0), {})
        return [Candidate(v, p) for v, p in final.items()]

    def _step(
        self, states: dict[_State, dict[Values, Provs]], placed: int, summed_over: int | None
    ) -> dict[_State, dict[Values, Provs]]:
        out: dict[_State, dict[Values, Provs]] = {}
        left = self.shape.size - placed
        for (ti, pos), prefixes in states.items():
            for vals, provs in prefixes.items():
                if summed_over is None:
                    options = self._one_cell(ti, pos)
                else:
                    total = sum(v or 0 for v in vals[len(vals) - summed_over :])
                    options = self._total_cell(ti, pos, total)
                blanks = sum(1 for p in provs if p is Provenance.IMPUTED)
                for cell, nti, npos in options:
                    self._tick()
                    if not self._feasible(nti, npos, left):
                        continue
                    if cell[1] is Provenance.IMPUTED and blanks >= self.max_blanks:
                        continue
                    bucket = out.setdefault((nti, npos), {})
                    nv, np_ = (*vals, cell[0]), (*provs, cell[1])
                    kept = bucket.get(nv)
                    if kept is None or _preference(np_, self.totals) > _preference(
                        kept, self.totals
                    ):
                        bucket[nv] = np_
        return out

    def _feasible(self, ti: int, pos: int, cells_left: int) -> bool:
        """Can the rest of the tokens still fit into ``cells_left`` cells?"""
        if ti >= len(self.tokens):
            return True
        tokens_left = len(self.tokens) - ti
        digits_left = self.digits_from[ti] - pos
        return tokens_left <= cells_left and digits_left <= cells_left * self.shape.max_digits

    def _tick(self) -> None:
        self.nodes += 1
        if self.nodes > _MAX_NODES:
            raise TooComplex

    def _one_cell(self, ti: int, pos: int) -> Iterator[tuple[_Cell, int, int]]:
        if self.allow_blanks:
            yield (0, Provenance.IMPUTED), ti, pos
        if ti >= len(self.tokens):
            return
        tok = self.tokens[ti]
        if tok.kind != "num":
            cell = _single_cell(tok, self.shape.max_digits)
            if cell is not None and pos == 0:
                yield cell, ti + 1, 0
            return
        digits = tok.text
        if tok.grouped:
            if pos == 0 and len(digits) <= self.shape.max_digits:
                yield (int(digits), Provenance.READ), ti + 1, 0
            return
        top = min(len(digits), pos + self.shape.max_digits)
        for end in range(pos + 1, top + 1):
            if end - pos > 1 and digits[pos] == "0":
                break  # a multi-digit count never starts with 0
            nti, npos = (ti + 1, 0) if end == len(digits) else (ti, end)
            yield (int(digits[pos:end]), Provenance.READ), nti, npos

    def _total_cell(self, ti: int, pos: int, total: int) -> Iterator[tuple[_Cell, int, int]]:
        if total == 0 and self.allow_blanks:
            yield (0, Provenance.IMPUTED), ti, pos
        if ti >= len(self.tokens):
            return
        tok = self.tokens[ti]
        if tok.kind == "blank" and total == 0:
            yield (0, Provenance.BLANK), ti + 1, 0
        elif tok.kind == "na" and total == 0 and pos == 0:
            yield (None, Provenance.NOT_APPLICABLE), ti + 1, 0
        elif tok.kind == "num":
            want = str(total)
            if tok.grouped and (pos != 0 or tok.text != want):
                return
            if tok.text.startswith(want, pos):
                end = pos + len(want)
                nti, npos = (ti + 1, 0) if end == len(tok.text) else (ti, end)
                yield (total, Provenance.READ), nti, npos


def resolve_local(cands: Sequence[Candidate], size: int) -> Resolution:
    """Settle a row from its own readings: cells on which all readings agree keep a value."""
    if not cands:
        return Resolution((None,) * size, (Provenance.AMBIGUOUS,) * size)
    if len(cands) == 1:
        return Resolution(cands[0].values, cands[0].provenance)
    values: list[int | None] = []
    provs: list[Provenance] = []
    for i in range(size):
        seen = {c.values[i] for c in cands}
        if len(seen) == 1:
            values.append(cands[0].values[i])
            kinds = {c.provenance[i] for c in cands}
            provs.append(cands[0].provenance[i] if len(kinds) == 1 else Provenance.IMPUTED)
        else:
            values.append(None)
            provs.append(Provenance.AMBIGUOUS)
    return Resolution(tuple(values), tuple(provs))


# --- table 三 as a whole ---------------------------------------------------------------------

Vec = tuple[int, ...]


def _add(a: Vec, b: Vec) -> Vec:
    return tuple(x + y for x, y in zip(a, b, strict=True))


def _sub(a: Vec, b: Vec) -> Vec:
    return tuple(x - y for x, y in zip(a, b, strict=True))


def _fits(a: Vec, limit: Vec) -> bool:
    return all(x <= y for x, y in zip(a, limit, strict=True))


def solve_table3(
    cands: dict[str, list[Candidate]], leaves: Sequence[str]
) -> tuple[dict[str, list[Candidate]], bool]:
    """Keep the readings that take part in a reading of the whole table satisfying T3-01/T3-03.

    ``cands`` maps R1, R2, R3.7, R4 and every id in ``leaves`` to its row readings. Returns the
    surviving readings per row and whether any whole-table reading exists at all (False: the
    source itself breaks an identity; the caller then falls back to row-local readings).
    """
    outer_ids = ("R1", "R2", "R3.7", "R4")
    outer = [cands[r] for r in outer_ids]
    leaf_cands = [cands[r] for r in leaves]
    combos = 1
    for lst in outer:
        combos *= len(lst)
    if combos == 0 or combos > _MAX_OUTER or any(not lst for lst in leaf_cands):
        return cands, False
    viable: dict[str, set[int]] = {r: set() for r in (*outer_ids, *leaves)}
    reach_cache: dict[Vec, list[set[int]] | None] = {}
    for idx in itertools.product(*(range(len(lst)) for lst in outer)):
        r1, r2, r37, r4 = (outer[k][i].numbers for k, i in enumerate(idx))
        if _add(r1, r2) != _add(r37, r4):
            continue  # T3-01
        if r37 not in reach_cache:
            reach_cache[r37] = _leaf_viability(leaf_cands, r37)
        leaf_ok = reach_cache[r37]
        if leaf_ok is None:
            continue  # T3-03
        for k, i in enumerate(idx):
            viable[outer_ids[k]].add(i)
        for rid, ok in zip(leaves, leaf_ok, strict=True):
            viable[rid] |= ok
    if not viable["R1"]:
        return cands, False
    kept = {rid: [cands[rid][i] for i in sorted(ix)] for rid, ix in viable.items()}
    return {**cands, **kept}, True


def _leaf_viability(rows: list[list[Candidate]], target: Vec) -> list[set[int]] | None:
    """Which readings of each leaf row belong to some combination summing to ``target``."""
    width = len(target)
    zero: Vec = (0,) * width
    forward: list[set[Vec]] = [{zero}]
    numbers: list[list[Vec]] = []
    add, le, sub = operator.add, operator.le, operator.sub  # C-level element-wise maths
    for lst in rows:
        nums = [c.numbers for c in lst]
        if any(len(n) != width for n in nums):
            raise ValueError("a reading and the total differ in length")
        numbers.append(nums)
        nxt: set[Vec] = set()
        for s in forward[-1]:
            for n in nums:
                s2 = tuple(map(add, s, n))
                if all(map(le, s2, target)):
                    nxt.add(s2)
        if len(nxt) > _MAX_STATES or not nxt:
            return None
        forward.append(nxt)
    if target not in forward[-1]:
        return None
    backward: set[Vec] = {target}
    result: list[set[int]] = [set() for _ in rows]
    for k in range(len(rows) - 1, -1, -1):
        prev: set[Vec] = set()
        for i, n in enumerate(numbers[k]):
            for b in backward:
                s = tuple(map(sub, b, n))
                if s in forward[k]:
                    result[k].add(i)
                    prev.add(s)
        backward = prev
    return result
