"""Constraint solving of merged digit runs and dropped blanks (requirement: never a silent
wrong value; several readings → ambiguous)."""

from __future__ import annotations

import pytest

from gongkai.reportkit import solve
from gongkai.reportkit.schema import Provenance
from gongkai.reportkit.solve import Candidate, Token


def num(*texts: str) -> list[Token]:
    return [Token("num", t) for t in texts]


def test_a_merged_run_splits_by_the_row_sum_t3_02() -> None:
    """ "21710000218" = 217 1 0 0 0 0 218: the only cut with C7 = ΣC1..C6."""
    (cand,) = solve.row_candidates(num("21710000218"), solve.T3_ROW, exact=False)
    assert cand.values == (217, 1, 0, 0, 0, 0, 218)
    assert set(cand.provenance) == {Provenance.READ}


def test_a_row_with_a_dropped_blank_is_rebuilt_and_marked_imputed() -> None:
    """Seed §2.7: "64 2 0 0 0 66" has six numbers for seven columns."""
    cands = solve.row_candidates(num("64", "2", "0", "0", "0", "66"), solve.T3_ROW, exact=False)
    values = {c.values for c in cands}
    assert (64, 2, 0, 0, 0, 0, 66) in values and len(values) > 1  # the row alone cannot tell
    best = next(c for c in cands if c.values == (64, 2, 0, 0, 0, 0, 66))
    assert best.provenance[5] is Provenance.IMPUTED  # recorded as C6, like the gold


def test_row_local_ambiguity_is_reported_not_guessed() -> None:
    res = solve.resolve_local(solve.row_candidates(num("270020130"), solve.T3_ROW, exact=False), 7)
    assert res.values[-1] == 30
    assert None in res.values
    assert Provenance.AMBIGUOUS in res.provenance


def test_table_four_run_with_two_digit_cells_t4_01() -> None:
    """pingtan-2021: 17 digits for 15 cells; only 1/0/2/0/3 12/0/0/0/12 0/0/0/0/0 fits T4-01."""
    (cand,) = solve.row_candidates(num("10203120001200000"), solve.T4_ROW, exact=False)
    assert cand.values == (1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0)


def test_column_identities_pick_the_reading_t3_01_t3_03() -> None:
    def one(*v: int) -> list[Candidate]:
        return [Candidate(tuple(v), (Provenance.READ,) * 7)]

    leaves = ["R3.1", "R3.2"]
    cands = {
        "R1": one(3, 0, 0, 0, 0, 0, 3),
        "R2": one(0, 0, 0, 0, 0, 0, 0),
        "R3.7": one(3, 0, 0, 0, 0, 0, 3),
        "R4": one(0, 0, 0, 0, 0, 0, 0),
        "R3.1": [*one(2, 0, 0, 0, 0, 0, 2), *one(0, 2, 0, 0, 0, 0, 2)],
        "R3.2": one(1, 0, 0, 0, 0, 0, 1),
    }
    solved, whole = solve.solve_table3(cands, leaves)
    assert whole
    assert [c.values for c in solved["R3.1"]] == [(2, 0, 0, 0, 0, 0, 2)]


def test_an_inconsistent_table_falls_back_to_row_readings() -> None:
    one = [Candidate((1, 0, 0, 0, 0, 0, 1), (Provenance.READ,) * 7)]
    two = [Candidate((2, 0, 0, 0, 0, 0, 2), (Provenance.READ,) * 7)]
    _, whole = solve.solve_table3(
        {"R1": one, "R2": one, "R3.7": one, "R4": two, "R3.1": one}, ["R3.1"]
    )
    assert not whole


def test_thousands_separators_keep_a_number_whole() -> None:
    (cand,) = solve.row_candidates([Token("num", "1234", grouped=True)], solve.T2_ONE, exact=False)
    assert cand.values == (1234,)


def test_a_slash_is_not_applicable_and_sums_as_zero() -> None:
    toks = [Token("na", "/"), Token("na", "/"), Token("num", "3")]
    (cand,) = solve.row_candidates(toks, solve.T2_DOCS, exact=True)
    assert cand.values == (None, None, 3)
    assert cand.provenance[0] is Provenance.NOT_APPLICABLE
    assert cand.numbers == (0, 0, 3)


def test_garbage_runs_yield_no_reading() -> None:
    """Too many digits for the cells: pruned at once, no reading, no crash."""
    assert solve.row_candidates(num("9" * 40, "1" * 40), solve.T4_ROW, exact=False) == []


def test_enumeration_has_a_budget() -> None:
    """A pathological row stops at the node budget instead of stalling the parser."""
    with pytest.raises(solve.TooComplex):
        solve._Enumerator(tuple(num("1" * 60)), solve.Shape(((30, False),), 3), True).run()
