"""Rules of the twenty-ninth tuning round (branch h13ad), from gold-free samples (never gold): a DPRK launch or
nuclear act told with a word the launch row lacked, or beside a drill or border word, bears on the launch default
JPN, KOR, USA (labelling guideline, decision 4; act_types.tsv), not on the South alone. Every sentence here is written
for these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md, "Twenty-ninth tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2025, 12, 29)
_LAUNCH = ["JPN", "KOR", "USA"]


def _targets(ctx, text: str) -> list[list[str]]:
    """The sorted targets of each statement of the text that names or implies any, in order."""
    return [sorted(s.targets) for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "") if s.targets]


# --- hard cases first ---------------------------------------------------------------------------------------------

def test_a_launching_drill_is_a_launch_not_a_border_drill(ctx):
    # "drill" is in the border row, "launching" in the launch row: the launch word decides
    assert _targets(ctx, "Kim Jong-un watched from a hilltop as the North's launching drill went ahead at dawn.") == [_LAUNCH]


def test_the_singular_launch_is_a_launch(ctx):
    # "launch" as a noun was only in the any-actor row, which gave the document's counterpart (the South) alone
    assert _targets(ctx, "Seoul raised its alert. The launch was overseen by North Korean leader Kim Jong-un "
                         "on Sunday.")[-1] == _LAUNCH


def test_missiles_beside_firing_are_a_launch(ctx):
    assert _targets(ctx, "Analysts ask what Pyongyang gains from firing missiles week after week.") == [_LAUNCH]


def test_an_icbm_named_with_gps_is_a_launch(ctx):
    # GPS names the border row's jamming, but an ICBM is named: the weapon word of the launch row wins
    assert _targets(ctx, "Pyongyang's ICBM test, seen from space: GPS data show the arc") == [_LAUNCH]


def test_nuclear_drills_are_a_launch_default(ctx):
    assert _targets(ctx, "Pyongyang held drills on Friday to rehearse the use of its nuclear arsenal.") == [_LAUNCH]


# --- counter-cases: the South alone stays ---------------------------------------------------------------------------

def test_artillery_shells_fired_stay_on_the_south(ctx):
    assert _targets(ctx, "Pyongyang's gunners fired dozens of artillery shells into a buffer zone at sea on Monday.") == [["KOR"]]


def test_trash_balloons_launched_stay_on_the_south(ctx):
    # "launched" is a launch word, but balloons are the border row's: the weapon word decides
    assert _targets(ctx, "Pyongyang launched a new wave of rubbish-filled balloons over the frontier overnight.") == [["KOR"]]


def test_a_firing_drill_alone_stays_on_the_south(ctx):
    assert _targets(ctx, "Pyongyang staged a firing drill close to the frontline islands this week.") == [["KOR"]]


def test_the_verb_launch_is_no_missile_launch(ctx):
    # KCNA's "will launch an all-out offensive": the verb, not a launch of a missile (the any-actor row's counterpart)
    rows = _targets(ctx, "Seoul held drills near the border. The DPRK will launch an all-out offensive to smash "
                         "the puppets' moves.")
    assert ["JPN", "KOR", "USA"] not in rows, rows


def test_a_dprk_voice_on_the_allies_drills_launched_keeps_the_south(ctx):
    # the launch verb comes after the drill words for a statement about an act (not the DPRK's own act)
    rows = _targets(ctx, "The DPRK foreign ministry said the puppet warmongers launched war drills against it.")
    assert rows and all("JPN" not in r for r in rows), rows
