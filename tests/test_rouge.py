"""ROUGE as ROUGE-1.5.5 computes it for DUC, checked against hand-computed examples."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from newsprism.cli.eval_tables import render_groups, render_table
from newsprism.evaluation import (
    FIRST,
    UPDATE,
    evaluate,
    read_references,
    read_summaries,
)
from newsprism.evaluation.rouge import (
    Score,
    jackknife_subsets,
    ngrams,
    rouge,
    score_against,
    skip_bigrams,
    stem,
    tokenize,
)

Write = Callable[[str, str | bytes], Path]


def close(score: Score, recall: float, precision: float, f1: float) -> bool:
    return (score.recall, score.precision, score.f1) == pytest.approx((recall, precision, f1))


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


# --- tokens -----------------------------------------------------------------------------------


def test_tokens_are_lowercased_alphanumeric_runs_with_stopwords_kept() -> None:
    text = "The U.S.-led talks' 3rd round, Mr. O'Neil!"
    assert tokenize(text, stemming=False) == [
        "the", "u", "s", "led", "talks", "3rd", "round", "mr", "o", "neil",
    ]  # fmt: skip


def test_non_ascii_letters_separate_tokens_as_in_rouge() -> None:
    assert tokenize("café crème", stemming=False) == ["caf", "cr", "me"]


def test_the_word_limit_counts_whitespace_words_before_tokenizing() -> None:
    # One word ("U.S.-led") gives three tokens; the cut happens first.
    assert tokenize("U.S.-led talks resumed", 1, stemming=False) == ["u", "s", "led"]
    assert tokenize("a b\n\nc d", 3, stemming=False) == ["a", "b", "c"]


def test_rouge_porter_stemmer_only_stems_tokens_longer_than_three() -> None:
    assert stem("cats") == "cat"
    assert stem("running") == "run"
    assert stem("was") == "was"  # three characters: left alone
    assert stem("ies") == "ies"


def test_rouge_stemmer_keeps_lins_step_4_change() -> None:
    # Original Porter leaves "statement" alone (m of "stat" is 1); ROUGE-1.5.5 also tries
    # "-ment" and then "-ent" and so strips to "statem".
    assert stem("statement") == "statem"
    assert stem("statements") == "statem"
    assert stem("agreement") == "agreem"
    assert stem("commissioner") == "commiss"
    # Martin Porter's departures from the paper, which ROUGE's Perl port has.
    assert stem("technology") == "technolog"


# --- units ------------------------------------------------------------------------------------


def test_ngrams_cross_sentence_boundaries() -> None:
    tokens = tokenize("Rain fell. Rivers rose.", stemming=False)
    assert ngrams(tokens, 2)[("fell", "rivers")] == 1


def test_su4_counts_gaps_up_to_four_and_every_unigram_but_the_last() -> None:
    counts = skip_bigrams(["a", "b", "c"])
    assert counts == {("a",): 1, ("b",): 1, ("a", "b"): 1, ("a", "c"): 1, ("b", "c"): 1}
    seven = skip_bigrams(list("abcdefg"))
    pairs = sum(n for unit, n in seven.items() if len(unit) == 2)
    assert pairs == 5 + 5 + 4 + 3 + 2 + 1
    assert ("a", "f") in seven and ("a", "g") not in seven  # four skipped is the limit
    assert seven.total() == 20 + 6


# --- scores -----------------------------------------------------------------------------------


def test_single_reference_hand_computed() -> None:
    scores = rouge("the cat sat on the mat", ["the cat was on the mat"], None)
    # ROUGE-1: the x2, cat, on, mat = 5 of 6 either way.
    assert close(scores["rouge-1"], 5 / 6, 5 / 6, 5 / 6)
    # ROUGE-2: "the cat", "on the", "the mat" = 3 of 5.
    assert close(scores["rouge-2"], 3 / 5, 3 / 5, 3 / 5)
    # ROUGE-SU4: 15 skip-bigrams + 5 unigrams each side; 10 + 4 shared.
    assert close(scores["rouge-su4"], 14 / 20, 14 / 20, 14 / 20)


def test_recall_and_precision_differ_with_lengths() -> None:
    scores = rouge("a b c d", ["a b"], None)
    assert close(scores["rouge-1"], 1.0, 0.5, 2 / 3)


def test_references_are_cut_at_the_word_limit_too() -> None:
    assert close(rouge("a b", ["a b c d"], 2)["rouge-1"], 1.0, 1.0, 1.0)
    assert close(rouge("a b", ["a b c d"], None)["rouge-1"], 0.5, 1.0, 2 / 3)


def test_model_average_pools_hits_and_counts_over_references() -> None:
    peer = ngrams(["a", "b", "c"], 1)
    refs = [ngrams(["a", "b"], 1), ngrams(["d", "e"], 1)]
    # hits 2 + 0 over 2 + 2 reference unigrams; precision over 2 x 3 peer unigrams.
    assert close(score_against(peer, refs), 0.5, 2 / 6, 0.4)
    # -f B keeps the reference with the best recall.
    assert close(score_against(peer, refs, "best"), 1.0, 2 / 3, 0.8)


def test_jackknifing_averages_the_leave_one_out_subsets() -> None:
    scores = rouge("a b c", ["a b", "a c", "d e"], None)["rouge-1"]
    # {r2,r3}: R 2/4, P 2/6, F .4   {r1,r3}: R 2/4, P 2/6, F .4   {r1,r2}: R 4/4, P 4/6, F .8
    assert close(scores, (0.5 + 0.5 + 1.0) / 3, (2 / 6 + 2 / 6 + 4 / 6) / 3, (0.4 + 0.4 + 0.8) / 3)


def test_a_peer_that_wrote_a_reference_is_scored_against_the_others_only() -> None:
    scores = rouge("a b c", ["a b", "a c", "d e"], None, own=0)["rouge-1"]
    assert close(scores, 0.5, 2 / 6, 0.4)


def test_jackknife_subsets() -> None:
    assert jackknife_subsets(4) == [(0, 1, 2), (0, 1, 3), (0, 2, 3), (1, 2, 3)]
    assert jackknife_subsets(4, own=2) == [(0, 1, 3)]
    assert jackknife_subsets(1) == [(0,)]
    assert jackknife_subsets(1, own=0) == []
    with pytest.raises(ValueError):
        rouge("a", ["a"], None, own=0)


def test_empty_summary_scores_zero() -> None:
    assert close(rouge("", ["a b"], 100)["rouge-2"], 0.0, 0.0, 0.0)


# --- files and the ranked table ---------------------------------------------------------------

REFERENCES = jsonl(
    {"id": "c1", "references": [
        {"assessor": "A", "text": "the storm hit the coast on monday"},
        {"assessor": "B", "text": "a storm hit the coast and killed two"},
    ]},
    "{not json",
    {"id": "c2", "references": [
        {"assessor": "A", "text": "prices rose sharply in june"},
        {"assessor": "B", "text": "june prices rose"},
    ]},
    {"id": "c3", "references": "none"},
)  # fmt: skip


def test_readers_report_bad_lines_by_file_and_line(write: Write) -> None:
    refs_path = write("refs.jsonl", REFERENCES)
    references, problems = read_references(refs_path)
    assert sorted(references) == ["c1", "c2"]
    assert [p.input for p in problems] == [f"{refs_path}:2", f"{refs_path}:4"]
    summaries_path = write(
        "sums.jsonl",
        jsonl({"id": "c1", "summary": "x"}, {"id": "c1", "text": "y"}, {"text": "z"}, {"id": 3}),
    )
    systems, problems = read_summaries(summaries_path, "mine")
    assert systems == {"mine": {"c1": "x"}}
    assert [p.input for p in problems] == [f"{summaries_path}:{n}" for n in (2, 3, 4)]


def test_evaluate_ranks_systems_and_reports_gaps(write: Write) -> None:
    refs_path = write("refs.jsonl", REFERENCES)
    ours = write("ours.jsonl", jsonl({"id": "c1", "summary": "the storm hit the coast"}))
    peers = write(
        "peers.jsonl",
        jsonl(
            {"id": "c1", "system": "7", "text": "officials said nothing"},
            {"id": "c2", "system": "7", "text": "prices rose in june"},
            {"id": "c1", "system": "A", "text": "the storm hit the coast on monday"},
            {"id": "c9", "system": "7", "text": "a cluster nobody wrote references for"},
        ),
    )
    result = evaluate(refs_path, ours, peers, None, 100)
    by_name = {s.name: s for s in result.systems}
    assert result.clusters == 2
    assert by_name["newsprism"].kind == "system" and by_name["newsprism"].clusters == 1
    assert by_name["7"].kind == "peer" and by_name["7"].clusters == 2
    # Human A is scored against B alone: a reference never scores itself.
    assert by_name["A"].kind == "human"
    expected = rouge("the storm hit the coast on monday", ["a storm hit the coast and killed two"])
    assert by_name["A"].rouge_2 == expected["rouge-2"]
    reasons = {(p.input, p.reason) for p in result.problems}
    assert ("newsprism", "no summary for 1 of 2 clusters (c2)") in reasons
    assert ("7", "1 summaries of clusters without references were not scored") in reasons
    ranked = [s.name for s in result.ranked()]
    assert ranked == sorted(ranked, key=lambda n: -by_name[n].rouge_2.recall)
    console = Console(record=True, width=200)
    console.print(render_table(result))
    lines = [line for line in console.export_text().splitlines() if "│" in line]
    assert [line.split("│")[2].strip() for line in lines] == ranked


def test_evaluate_without_readable_references_scores_nothing(write: Write) -> None:
    result = evaluate(write("refs.jsonl", "{oops\n"), None, None, None, 100)
    assert result.clusters == 0 and result.systems == []
    assert result.problems and result.problems[0].level == "error"


def test_first_and_update_clusters_are_scored_apart(write: Write) -> None:
    """A cluster with seen documents is an update task: its scores are shown on their own."""
    first_docs = [{"id": "d1", "text": "The storm hit the coast on Monday."}]
    update_docs = [{"id": "d2", "text": "Prices rose sharply in June."}]
    clusters = write(
        "clusters.jsonl",
        jsonl(
            {"id": "c1", "documents": first_docs},
            {"id": "c2", "documents": update_docs, "seen_documents": first_docs},
        ),
    )
    refs = write("refs.jsonl", REFERENCES)
    ours = write(
        "ours.jsonl",
        jsonl({"id": "c1", "summary": "the storm hit the coast"}, {"id": "c2", "summary": "rain"}),
    )
    result = evaluate(refs, ours, None, clusters, 100, baselines=())
    assert result.groups == {"c1": FIRST, "c2": UPDATE}
    ours_row = next(s for s in result.systems if s.name == "newsprism")
    first, update = ours_row.scores_on({"c1"}), ours_row.scores_on({"c2"})
    assert first["rouge-2"].recall > 0 and update["rouge-2"].recall == 0
    # The overall score is the mean of the two clusters.
    overall = (first["rouge-2"].recall + update["rouge-2"].recall) / 2
    assert ours_row.rouge_2.recall == pytest.approx(overall)
    console = Console(record=True, width=200)
    table = render_groups(result)
    assert table is not None
    console.print(table)
    row = next(line for line in console.export_text().splitlines() if "newsprism" in line)
    assert f"{first['rouge-2'].recall:.4f}" in row and "0.0000" in row


def test_no_split_without_both_kinds(write: Write) -> None:
    refs = write("refs.jsonl", REFERENCES)
    ours = write("ours.jsonl", jsonl({"id": "c1", "summary": "the storm hit the coast"}))
    assert render_groups(evaluate(refs, ours, None, None, 100)) is None
    clusters = write("clusters.jsonl", jsonl({"id": "c1", "documents": [{"id": "d", "text": "x"}]}))
    assert render_groups(evaluate(refs, ours, None, clusters, 100, baselines=())) is None
