"""Roles: the title a person holds and the country or organisation it is of."""

from __future__ import annotations


def roles(x) -> set[tuple[str, str, str | None]]:
    return {(r.person, r.title, r.of) for r in x.roles}


def test_roles_a_country_after_the_name_is_the_titles_even_when_a_headline_gave_it_first(read):
    x = read("PM met President Luis Vega at Downing Street\nThe Prime Minister met President Luis Vega of Chile today.")
    assert ("Luis Vega", "President", "Chile") in roles(x)
    assert ("Luis Vega", "President", None) not in roles(x)


def test_roles_a_formal_country_name_is_its_country(read):
    x = read("Prime Minister Eva Lind met Ana Ruiz, Prime Minister of the Kingdom of Spain, in Oslo.")
    assert ("Ana Ruiz", "Prime Minister", "Spain") in roles(x)


def test_roles_a_country_prefix_is_the_titles_country(read):
    x = read("U.S. Trade Representative Tom Reid will travel to Lima on Monday.")
    assert ("Tom Reid", "Trade Representative", "United States") in roles(x)


def test_roles_hyphenated_given_names_stay_whole(read):
    x = read("Government spokesman Ali-Reza Tavana said no meeting was planned with Minister Kim Do-hyun.")
    names = {e.name for e in x.entities if e.type == "Person"}
    assert {"Ali-Reza Tavana", "Kim Do-hyun"} <= names


def test_roles_no_name_runs_into_the_verbs_of_a_headline(read):
    x = read(
        "Chilean Deputy PM Abruptly Cancels Meeting With Peruvian PM\n\n"
        "Chile's deputy prime minister, Ana Ruiz, cancelled a meeting with Prime Minister Tom Reid of Peru."
    )
    names = {e.name for e in x.entities if e.type == "Person"}
    assert not any("Cancels" in n or "Abruptly" in n for n in names)
    assert "Ana Ruiz" in names


def test_roles_a_name_the_body_capitalises_stays_a_name_in_a_headline(read):
    x = read(
        "Grand Mufti Willing to Meet Chilean Leaders\n\n"
        "The exiled cleric, the Grand Mufti Omar Saleh, says he is willing to meet leaders in Santiago."
    )
    names = {e.name for e in x.entities if e.type == "Person"}
    assert not any("Willing" in n for n in names)


def test_roles_an_organisation_before_a_title_is_its_institution(read):
    x = read("White House Spokesman Ivan Petrov said no meeting was planned. NATO Envoy Ana Ruiz disagreed.")
    assert ("Ivan Petrov", "Spokesman", "White House") in roles(x)
    assert ("Ana Ruiz", "NATO") in {(a.person, a.organization) for a in x.affiliations}


def test_roles_a_portfolio_stops_before_the_next_name(read):
    x = read(
        "Ms Eva Holm, High Representative of the EU for Foreign Affairs and Security Policy, and Mr Jon Aas, "
        "Commissioner for Trade, attended the summit."
    )
    assert ("Eva Holm", "High Representative for Foreign Affairs and Security Policy", "European Union") in roles(x)
    assert "Jon Aas" in {e.name for e in x.entities if e.type == "Person"}


def test_roles_a_bracketed_qualifier_belongs_to_the_party_name(read):
    x = read("The Socialist Party of Chile (Renewal) chairman Pablo Rojas met Prime Minister Eva Lind.")
    assert ("Pablo Rojas", "chairman", "Socialist Party of Chile (Renewal)") in roles(x)
    x = read("Ministers of the European Union (EU) met in Oslo.")
    assert not [e for e in x.entities if "(" in e.name]


def test_roles_a_country_and_a_title_read_as_one_name_are_country_and_title(read):
    x = read("The daughter of Brunei Sultan Hassanal Bolkiah was married on Sunday.")
    assert ("Hassanal Bolkiah", "Sultan", "Brunei") in roles(x)
    assert "Brunei Sultan" not in {e.name for e in x.entities}
