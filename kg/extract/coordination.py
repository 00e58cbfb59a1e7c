"""How a clause joins its subjects where the parser does not say so: the comma of a headline.

News headlines drop "and": "Japan, Philippines sign defense pact", "US, UK condemn Russia",
"Biden, Xi to meet in San Francisco". The small parser hangs the first name on the verb (as an
adverbial, a "dep" or an apposition), so the readers of meetings and of relations both ask here
for the subjects it left out.
"""

from __future__ import annotations

from kg.lexicons import gazetteer


def comma_subjects(subj) -> list:
    """ "Japan, Philippines sign defense pact", "US, UK condemn Russia": a headline joins its
    subjects with a comma, which the parser hangs on the verb; the names before ", SUBJECT" that
    open the clause are subjects too."""
    doc, out = subj.doc, []
    i = subj.left_edge.i
    while (
        i >= 2 and doc[i - 1].text == "," and doc[i - 2].pos_ == "PROPN" and doc[i - 2].head.i in {subj.head.i, subj.i}
    ):
        first = doc[i - 2].left_edge.i if doc[i - 2].head.i == subj.head.i else doc[i - 2].i
        out.append(doc[i - 2])
        i = first
    if i != subj.sent.start:
        return []
    # "Brazil, Argentina to sign trade deal": the parser takes the second country for an
    # apposition, which two countries cannot be
    gaz = gazetteer()
    country = gaz.country(subj.text)
    if country:
        out += [a for a in subj.children if a.dep_ == "appos" and a.i == subj.i + 2 and doc[subj.i + 1].text == ","
                and gaz.country(a.text) not in {None, country}]  # fmt: skip
    return out
