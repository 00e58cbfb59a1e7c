"""Relations read off what a clause forecasts, ends with or names as its recipient: facts of
English news that hold for any actor. Every sentence is our own; each rule has a negative."""

from __future__ import annotations

from datetime import date

import pytest


def _agree(relations, text: str) -> set[tuple[frozenset, str]]:
    return {(frozenset((s, t)), status) for kind, s, t, status in relations(text) if kind == "AGREE"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a meeting that ended without a deal names a deal that was not reached ...
        ("Talks between Kenya and Uganda ended without an agreement.", "denied"),
        ("Kenya and Uganda concluded their talks without an agreement.", "denied"),
        # ... with one, a deal that was
        ("Talks between Kenya and Uganda ended with an agreement.", "asserted"),
        # parties close to a deal have not made it yet
        ("Kenya and Uganda are close to a trade deal.", "hypothetical"),
        ("Kenya is close to a deal with Uganda.", "hypothetical"),
        # "are expected to sign" forecasts a signing; it asks nobody for anything
        ("Kenya and Uganda are expected to sign a trade pact on Friday.", "scheduled"),
    ],
)
def test_agreement_read_off_a_meeting_outcome_or_a_forecast(relations, text, status):
    assert _agree(relations, text) == {(frozenset(("Kenya", "Uganda")), status)}


@pytest.mark.parametrize(
    "text",
    [
        "Talks with Uganda ended without a deal.",  # one party named: no pair
        "The summit between Kenya and Uganda ended without a joint photograph.",  # no deal noun
        "Talks between Kenya and Uganda ended with an agreement to meet again.",  # a meeting to come
    ],
)
def test_no_agreement_without_two_parties_and_a_deal(relations, text):
    assert _agree(relations, text) == set()


def test_without_is_no_object_of_a_signing(relations):
    # "signed ... without X": the pact is signed, whatever is absent
    assert _agree(relations, "Kenya and Uganda signed the pact without fanfare.") == {
        (frozenset(("Kenya", "Uganda")), "asserted")
    }


def test_an_expected_act_is_not_the_content_of_a_demand(relations):
    assert ("SANCTION", "Chile", "Bolivia", "scheduled") in relations(
        "Chile is expected to impose sanctions on Bolivia."
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "provided X with Y": the object is the recipient when Y is help
        ("Norway will provide Nepal with $20 million in flood relief.", ("AID", "Norway", "Nepal", "scheduled")),
        # weapons and their parts are help to whoever receives them
        ("Finland delivered artillery shells to Estonia.", ("AID", "Finland", "Estonia", "asserted")),
        ("Finland delivered air defence systems to Estonia.", ("AID", "Finland", "Estonia", "asserted")),
    ],
)
def test_aid_recipient_and_material(relations, text, want):
    assert want in relations(text)


@pytest.mark.parametrize(
    "text",
    [
        "Norway provided Nepal with details of the plan.",  # information is no help
        "Finland delivered a protest note to Estonia.",  # a note delivered is a message
    ],
)
def test_no_aid_when_what_is_given_is_no_help(relations, text):
    assert not any(kind == "AID" for kind, *_ in relations(text))


def test_threat_on_a_condition_threatens_whose_act_sets_it_off(relations):
    text = "Serbia threatened to close the border unless Kosovo withdraws its police."
    assert ("THREATEN", "Serbia", "Kosovo", "asserted") in relations(text)


def test_a_condition_without_a_party_threatens_nobody(relations):
    assert relations("Serbia threatened to resign from the council unless the talks resume.") == set()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Chancellor Eva Lind voiced solidarity with Norway.", ("SUPPORT", "Eva Lind", "Norway", "asserted")),
        # a warning against an act, with no consequence named, asks the one warned not to act
        ("Chile warned Peru against sending troops to Bolivia.", ("REQUEST", "Chile", "Peru", "asserted")),
        # an ambassador "to X" is posted in X: recalling them reduces relations with X
        ("Chile recalled its ambassador to Peru for consultations.", ("SANCTION", "Chile", "Peru", "asserted")),
        ("Chile will impose export controls on Peru next month.", ("SANCTION", "Chile", "Peru", "scheduled")),
        ("The Andean Bank approved a $3 billion bailout for Peru.", ("AID", "Andean Bank", "Peru", "asserted")),
        # help offered or announced is help to come
        ("Chile offered emergency aid to Peru.", ("AID", "Chile", "Peru", "scheduled")),
        ("Chile announced a $50 million aid package for Peru.", ("AID", "Chile", "Peru", "scheduled")),
        ("The Andean Council hit Bolivia with new sanctions.", ("SANCTION", "Andean Council", "Bolivia", "asserted")),
        # a protest or complaint delivered to, filed against or lodged with X accuses X
        ("Chile delivered a strong protest to Peru.", ("ACCUSE", "Chile", "Peru", "asserted")),
        ("Chile filed a complaint against Peru at the tribunal.", ("ACCUSE", "Chile", "Peru", "asserted")),
        ("Chile chided Peru over the border closure.", ("ACCUSE", "Chile", "Peru", "asserted")),
        ("Chile pleaded with Peru for more time.", ("REQUEST", "Chile", "Peru", "asserted")),
    ],
)
def test_cues_of_common_wire_phrasings(relations, text, want):
    assert want in relations(text)


@pytest.mark.parametrize(
    "text",
    [
        "Chile offered to mediate between Peru and Bolivia.",  # an offer of good offices is no aid
        "Chile offered its condolences to Peru.",  # a courtesy
        "Chile announced its support for Peru.",  # verbal support, not material help
        "Chile warned Peru of the risk of floods.",  # a forecast, no demand
        "The storm hit Chile with heavy rain.",  # hitting with no sanction sanctions nobody
        "Chile delivered a speech to Peru's students.",  # a speech is no protest
        "Chile pleaded guilty.",
    ],
)
def test_offers_announcements_and_warnings_that_give_or_ask_nothing(relations, text):
    assert not any(kind in {"AID", "REQUEST", "SANCTION", "ACCUSE"} for kind, *_ in relations(text))


def test_a_date_in_another_clause_dates_that_clause_not_the_act(read):
    tuesday = date(2026, 3, 10)
    x = read("Chile could sign a deal with Peru, but talks on fishing ended without one in August.", tuesday)
    assert [(r.type, r.status, r.date) for r in x.relations] == [("AGREE", "hypothetical", None)]
    x = read("Chile signed a deal with Peru in August.", tuesday)
    assert [(r.type, r.date) for r in x.relations] == [("AGREE", "2025-08")]
