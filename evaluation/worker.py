"""Scoring worker run as a script under one version of the `tension` package (the working tree's, or an older
commit's unpacked by evaluation.baseline), so that before/after figures come from the code of each version.

    python evaluation/worker.py score < texts.jsonl            # {"text": ...} per line -> hostility per line
    python evaluation/worker.py statements FILE --field text=story --default speaker=KCNA

Its fields are named as `tension statements` names them (scorer_version, not version); its own: `pair_ids` (the
CLI's `pairs` are objects) and `cues`:
[pattern, contribution, kind, effective] per cue, where the CLI gives explanation.cues.

Only public, long-standing entry points are used (Scorer, the extractor's `modality`, read_documents, the analysis
of a batch), so that the same script runs against the code as of ed2d147 and against today's.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path


def _analyse_batch():
    """The batch analysis function and its context builder, wherever this version keeps them."""
    try:
        from tension.pipeline import analyse_batch, build_context, pairs_for
    except ImportError:  # after the split of pipeline.py (issue 16)
        from tension.analyse import analyse_documents as analyse_batch, build_context  # type: ignore[no-redef]
        from tension.records import pairs_for  # type: ignore[no-redef]
    return analyse_batch, build_context, pairs_for


def _cues(score) -> list[list]:
    """[pattern, contribution, kind, effective]: effective is what the cue added to its statement's cue_sum (all of
    its contribution before formula 3; from formula 3 on, the strongest of a side in full and the rest by
    REST_WEIGHT)."""
    import tension.score.scorer as scorer

    rest = getattr(scorer, "REST_WEIGHT", 1.0)
    rows = [[c["cue"], c.get("contribution", c["weight"]), c.get("kind", "")] for c in score.cues]
    for sign in (1, -1):
        side = sorted((r for r in rows if r[1] * sign > 0), key=lambda r: -abs(r[1]))
        for rank, row in enumerate(side):
            row.append(row[1] if rank == 0 else rest * row[1])
    for row in rows:
        if len(row) == 3:
            row.append(0.0)
    return rows


def score_lines() -> None:
    """Score each text under the modality the extractor gives it, as the pipeline would."""
    from tension.extract.statements import modality, outside_quotes
    from tension.score.scorer import Scorer

    scorer = Scorer()
    for line in sys.stdin:
        item = json.loads(line)
        text = item["text"]
        found = modality(outside_quotes(text), False)
        # a statement's targets and speaker country, where the line gives them (scorers from the third round of
        # issue 14 on score toward the targets; older ones are never sent them)
        directed = {k: item[k] for k in ("targets", "speaker_country") if item.get(k)}
        score = scorer.score(text, found, **directed)
        if item.get("headline"):
            # a cut lead with its document's headline text: scored with it as the pipeline scores a cut lead
            # (tension/score/cut_lead.py; sent only to scorers that have it, from round 29 on)
            from tension.score.cut_lead import with_headline

            headline = item["headline"]
            score = with_headline(score, scorer.score(headline, modality(outside_quotes(headline), False),
                                                      **directed))
        print(json.dumps({"hostility": score.hostility, "modality": found, "cues": _cues(score),
                          "scorer_version": score.scorer_version,
                          **({"cut_lead": True} if getattr(score, "cut_lead", "") else {})}))


def statements(path: Path, fields: dict[str, str], defaults: dict[str, str]) -> None:
    """Every statement of a corpus, with its pairs and score (no database)."""
    from tension.ingest.documents import Rejection, read_documents

    analyse_batch, build_context, pairs_for = _analyse_batch()
    ctx = build_context()
    docs = []
    seen = set()
    for item in read_documents([path], fields):
        if isinstance(item, Rejection) or item.doc_id in seen:
            continue
        seen.add(item.doc_id)
        docs.append(replace(item, **defaults) if defaults else item)
    for start in range(0, len(docs), 500):
        for analysed in analyse_batch(docs[start:start + 500], ctx):
            doc = analysed.document
            for statement, score in zip(analysed.statements, analysed.scores):
                print(json.dumps({
                    "doc_id": doc.doc_id, "published": doc.published.isoformat(), "content": statement.content,
                    "speaker_country": statement.speaker_country, "targets": statement.targets,
                    "pair_ids": [p["pair_id"] for p in pairs_for(statement.speaker_country, statement.targets,
                                                                ctx.pairs)],
                    "modality": statement.modality, "hostility": score.hostility, "cues": _cues(score),
                    "scorer_version": score.scorer_version,
                }, ensure_ascii=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("score", "statements"))
    parser.add_argument("file", nargs="?")
    parser.add_argument("--field", action="append", default=[])
    parser.add_argument("--default", action="append", default=[])
    args = parser.parse_args()
    if args.command == "score":
        score_lines()
    else:
        statements(Path(args.file), dict(f.split("=", 1) for f in args.field),
                   dict(d.split("=", 1) for d in args.default))


if __name__ == "__main__":
    main()
