"""Unnamed office holders stand for the country they serve, when the text says which."""

from __future__ import annotations

M = frozenset


def test_offices_an_unnamed_head_of_government_is_the_home_country(read, meetings):
    """A readout names its counterparts' countries and its own; the one left is the home country."""
    x = read(
        "The Prime Minister spoke to President Luis Vega of Chile this afternoon. "
        "They discussed the support Norway has given to the reconstruction effort."
    )
    assert meetings(x) == {(M({"Norway", "Luis Vega"}), "held")}


def test_offices_two_candidate_countries_give_no_party(read, meetings):
    x = read(
        "The Prime Minister spoke to President Luis Vega this afternoon. Norway and Sweden signed a fisheries deal."
    )
    assert meetings(x) == set()


def test_offices_a_named_holder_is_meant_before_any_country(read, meetings):
    x = read(
        "Prime Minister Eva Lind of Norway arrived in Oslo. "
        "On Monday the Prime Minister met President Luis Vega of Chile."
    )
    assert meetings(x) == {(M({"Eva Lind", "Luis Vega"}), "held")}


def test_offices_a_title_that_names_its_country_stands_for_it(read, meetings):
    x = read("The Chilean President met Chancellor Ida Brun of Austria in Vienna on Tuesday.")
    assert meetings(x) == {(M({"Chile", "Ida Brun"}), "held")}
