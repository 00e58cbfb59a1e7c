"""Affiliations: the organisation a person belongs to, and the runs of names that hide it."""

from __future__ import annotations


def affs(x) -> set[tuple[str, str]]:
    return {(a.person, a.organization) for a in x.affiliations}


def roles(x) -> set[tuple[str, str, str | None]]:
    return {(r.person, r.title, r.of) for r in x.roles}


def test_affiliations_a_party_adjective_before_a_title_names_the_party(read):
    x = read("Labour health spokesman Tom Reid wrote to Republican Senator Jane Roe on Monday.")
    assert ("Tom Reid", "Labour Party") in affs(x)
    assert ("Jane Roe", "Republican Party") in affs(x)


def test_affiliations_a_party_adjective_without_a_title_says_nothing(read):
    x = read("Democratic lawmakers said the Republican plan would fail, and Jane Roe agreed.")
    assert not affs(x)
    assert not {e.name for e in x.entities} & {"Democratic Party", "Republican Party"}


def test_affiliations_a_reporter_at_a_venue_is_of_the_news_organisation(read):
    x = read("VOA White House Correspondent Ann Dale reports that the talks will resume.")
    assert ("Ann Dale", "Voice of America") in affs(x)
    assert ("Ann Dale", "White House") not in affs(x)
    x = read("White House Spokesman Tom Reid said on Monday that the talks would resume.")
    assert ("Tom Reid", "White House") in affs(x)


def test_affiliations_a_relative_clause_gives_a_post_and_the_main_verb_another(read):
    x = read("Anna Berg, who is now a senior analyst at the Brookings Institution, was an editor of The Guardian.")
    assert ("Anna Berg", "Brookings Institution") in affs(x)
    assert ("Anna Berg", "The Guardian") in affs(x) or ("Anna Berg", "Guardian") in affs(x)


def test_affiliations_a_relative_clause_without_a_post_gives_none(read):
    x = read("Anna Berg, who was a friend of the Brookings Institution, met Tom Reid.")
    assert not affs(x)


def test_affiliations_an_organisation_named_with_for_stays_whole(read):
    x = read("Tom Reid, the leader of the Movement for Social Renewal (MSR), said he would stand.")
    assert ("Tom Reid", "Movement for Social Renewal") in affs(x)
    assert ("Tom Reid", "leader", "Movement for Social Renewal") in roles(x)


def test_affiliations_an_of_phrase_after_a_name_in_commas(read):
    x = read("Troops killed a senior commander, Tom Reid, of the National Liberation Army on Monday.")
    assert ("Tom Reid", "National Liberation Army") in affs(x)
    x = read("A farmer, Tom Reid, of Boston said the harvest was poor.")
    assert not affs(x)


def test_affiliations_a_title_is_not_part_of_the_party_before_it(read):
    x = read("Jane Roe met Tom Reid, Communist Party of China General Secretary, in Beijing.")
    assert ("Tom Reid", "General Secretary", "Communist Party of China") in roles(x)
    assert ("Tom Reid", "Communist Party of China") in affs(x)
    x = read("U.S. Treasury Secretary Tom Reid met Jane Roe in Madrid.")
    assert ("Tom Reid", "United States") not in affs(x)
