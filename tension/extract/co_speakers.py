"""Co-speakers of one statement are not each other's targets when their words aim at a third party (the labelling
guideline's proposed decision P1, decision 3 read for joint words; issue 13 round 68, the Japan-desk tester's finding
1). "The United States, South Korea and Japan announced a team to monitor sanctions against North Korea" gives three
rows of the same words; a speaker of the list whose targets are inferred (carried from the sentence before, or from the
row of the same sentence just before it) took the speakers before it as targets, so the South's and Japan's rows
pointed at each other with the score of words aimed at the DPRK. Words aimed only at the speakers themselves ("South
Korea, China and Japan vowed to deepen their three-way cooperation") keep them as each other's targets: there the
cooperation is the news (decisions 3, 23). Acts are `tension.extract.targets`' (co-actors of an act: its `co_actors`);
named targets and reciprocal verbs ("traded accusations", "met") are the clause rules'."""

from __future__ import annotations

from tension.extract.findings import Statement


def without_co_speakers(statement: Statement, found: list[Statement]) -> None:
    """Drop from `statement`'s inferred targets the countries of the other speakers of the same words in its sentence
    (`found`: the sentence's statements), when it keeps a target that is none of them (a third party)."""
    if statement.is_act or not statement.targets_inferred or len(found) < 2:
        return
    own = statement.speaker_country
    co = {s.speaker_country for s in found if s is not statement and not s.is_act and s.speaker_country
          and s.speaker_country != own and s.content == statement.content}
    if not co or all(t in co for t in statement.targets):
        return  # one speaker, or words aimed only at the speakers themselves (their cooperation is the news)
    statement.targets = [t for t in statement.targets if t not in co]
