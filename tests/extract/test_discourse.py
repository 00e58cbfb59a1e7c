"""Who "he", "she", "they", "the Prime Minister" and "the two leaders" are."""

from __future__ import annotations

from datetime import date

M = frozenset


def test_discourse_a_subject_pronoun_is_the_last_person_in_subject_position(read, meetings):
    text = "Foreign Secretary Ann Hale arrived in Lima on Monday. She will see President Luis Vega on Friday."
    assert (M({"Ann Hale", "Luis Vega"}), "scheduled") in meetings(read(text, date(2024, 3, 4)))


def test_discourse_a_possessive_before_the_subject_is_that_subject(read, meetings):
    text = "During her meeting with President Luis Vega, Foreign Secretary Ann Hale raised the border dispute."
    assert (M({"Ann Hale", "Luis Vega"}), "held") in meetings(read(text))


def test_discourse_his_own_visit_is_the_main_clause_subjects(read, meetings):
    text = "President Luis Vega said ties had grown since Chancellor Ida Brun's visit to Peru and his own visit to Austria."
    x = read(text)
    assert (M({"Ida Brun", "Peru"}), "held") in meetings(x) and (M({"Luis Vega", "Austria"}), "held") in meetings(x)


def test_discourse_a_bare_title_is_the_one_who_holds_it(read, meetings):
    text = (
        "Prime Minister Eva Lind said the budget would pass.\n"
        "The Prime Minister spoke with President Luis Vega on Tuesday about trade."
    )
    assert (M({"Eva Lind", "Luis Vega"}), "held") in meetings(read(text))


def test_discourse_a_shorter_or_lower_case_title_finds_its_holder(read, meetings):
    text = "Secretary of State Ann Hale arrived in Rome. The secretary met Italian Prime Minister Carlo Neri there."
    assert (M({"Ann Hale", "Carlo Neri"}), "held") in meetings(read(text))


def test_discourse_a_former_holder_is_not_the_title_now(read, meetings):
    text = "Former President Tom Ash praised the plan. The President will meet Chancellor Ida Brun on Monday.\n"
    assert not any("Tom Ash" in m.participants for m in read(text).meetings)


def test_discourse_they_and_the_two_leaders_are_the_parties_just_named(read, meetings):
    text = (
        "President Luis Vega met Chancellor Ida Brun in Vienna on Monday. "
        "The two leaders will meet again in Lima next month. They also plan to speak by phone."
    )
    x = read(text, date(2024, 3, 4))
    assert (M({"Luis Vega", "Ida Brun"}), "scheduled") in meetings(x)
    assert not read("The two leaders met in Oslo.").meetings  # nobody named before: nothing


def test_discourse_their_meeting_is_the_coordinated_subjects(read, meetings):
    text = "President Luis Vega and Chancellor Ida Brun signed the accord at their meeting in Vienna."
    assert (M({"Luis Vega", "Ida Brun"}), "held") in meetings(read(text))


def test_discourse_the_talks_take_up_the_talks_just_told(read):
    text = (
        "Delegations led by Foreign Minister Ana Ruiz and Chancellor Ida Brun held talks in Lima on Monday. "
        "The talks, held at the Palacio de Gobierno, lasted six hours."
    )
    x = read(text)
    (m,) = [m for m in x.meetings if set(m.participants) == {"Ana Ruiz", "Ida Brun"}]
    assert len(m.more_evidence) == 1 and m.place == "Palacio de Gobierno"


def test_discourse_those_who_attend_the_summit_join_it(read, meetings):
    text = (
        "President Luis Vega and Chancellor Ida Brun will meet in Geneva next week. "
        "King Olav Storm is also expected to attend the summit."
    )
    assert (M({"Luis Vega", "Ida Brun", "Olav Storm"}), "scheduled") in meetings(read(text, date(2024, 3, 4)))


def test_discourse_a_speaker_label_is_who_i_is(read, meetings):
    text = (
        "Remarks by Foreign Minister Ana Ruiz\n"
        "FOREIGN MINISTER RUIZ: Thank you. This morning I met with Chancellor Ida Brun, and we discussed trade.\n"
    )
    assert (M({"Ana Ruiz", "Ida Brun"}), "held") in meetings(read(text))


def test_discourse_he_in_a_reported_clause_is_the_reporting_subject_even_if_unnamed(read):
    text = (
        "Talks with Foreign Minister Ana Ruiz went well, officials said.\n"
        "The Dutch foreign minister confirmed that he had discussed the talks with Chancellor Ida Brun."
    )
    assert not any("Ana Ruiz" in m.participants and "Ida Brun" in m.participants for m in read(text).meetings)


def test_discourse_the_visiting_president_is_the_guest(read, meetings):
    text = (
        "President Luis Vega of Peru arrived in Oslo on Monday for a state visit.\n"
        "Prime Minister Eva Lind will meet the visiting president on Tuesday."
    )
    assert (M({"Eva Lind", "Luis Vega"}), "scheduled") in meetings(read(text))


def test_discourse_the_two_sides_are_the_sides_not_their_host(read, meetings):
    """After a host met two sides, "the two sides" are those two, and hosting them is one meeting."""
    x = read(
        "President Luis Vega met with Chilean and Peruvian negotiators in Lima on Tuesday. "
        "Chancellor Ida Brun hosted the two sides for dinner on Monday."
    )
    assert (M({"Ida Brun", "Chile", "Peru"}), "held") in meetings(x)
    assert not any("Luis Vega" in ps and "Ida Brun" in ps for ps, _ in meetings(x))


def test_discourse_a_countrys_title_is_its_holder(read, meetings):
    x = read(
        "Foreign Minister Ana Ruiz of Chile arrived in Oslo on Sunday. "
        "On Monday, Chile's Foreign Minister met Prime Minister Eva Lind."
    )
    assert (M({"Ana Ruiz", "Eva Lind"}), "held") in meetings(x)


def test_discourse_both_countries_are_those_of_the_last_sentence_that_told_encounters(read, meetings):
    x = read(
        "President Luis Vega's trip to Peru and Bolivia has been cancelled. "
        "Foreign Minister Ana Ruiz will lead delegations to both countries in his place."
    )
    assert {(M({"Ana Ruiz", "Peru"}), "scheduled"), (M({"Ana Ruiz", "Bolivia"}), "scheduled")} <= meetings(x)


def test_discourse_the_leaders_are_people_not_the_bodies_they_spoke_of(read, meetings):
    x = read(
        "Prime Minister Eva Lind met Commission President Ana Ruiz today. "
        "The leaders welcomed cooperation between Norway and the EU ahead of the Norway-EU Summit on Monday. "
        "The leaders looked forward to seeing each other on Monday."
    )
    assert (M({"Eva Lind", "Ana Ruiz"}), "scheduled") in meetings(x)
