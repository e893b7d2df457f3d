"""The quotes and events stages in the analyze pipeline: order, seeds floors, dev-set floors,
bad input, and the `warta eval events|quotes` commands."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from warta.cli import cli
from warta.evaluate.events import evaluate, score_documents
from warta.model import RawDoc
from warta.settings import DEFAULTS
from warta.stages import pipeline

DEV = Path(__file__).resolve().parents[1] / "data" / "events_dev.jsonl"
ROUND3 = DEV.with_name("events_round3.jsonl")


def analyze_line(text):
    return pipeline("analyze", DEFAULTS.with_(lines=True)).run(RawDoc("t", text.encode(), kind="text"))


def test_quotes_and_events_run_after_entities_and_times():
    names = pipeline("analyze").names
    assert names.index("times") < names.index("quotes") < names.index("events")
    assert names.index("link") < names.index("quotes")


def test_tokenised_line_gets_quote_and_event():
    a = analyze_line("Kami siap bekerja sama dengan Indonesia , kata Menlu Rusia Sergei Lavrov .")
    assert [q.speaker.canonical for q in a.quotes if q.speaker] and "Lavrov" in a.quotes[0].speaker.text
    (e,) = a.events
    assert e.type == "AGREE" and e.target.country == "IDN" and e.claimant is not None


@pytest.fixture(scope="module")
def seeds_scores(seed_gold, seed_paths):
    pipe = pipeline("analyze")
    preds = {p.name: pipe.run(RawDoc(str(p), p.read_bytes())).to_dict() for p in seed_paths}
    scores = score_documents((name, g, preds.get(name, {})) for name, g in seed_gold.items())
    return scores, preds


def test_seed_quote_speakers_floor(seeds_scores):
    quotes = seeds_scores[0]["quotes"]
    assert quotes.recall >= 0.90 and quotes.precision >= 0.90    # measured 0.94 / 0.94


def test_seed_events_floor(seeds_scores):
    scores, preds = seeds_scores
    events = scores["events"]
    assert events.tp >= 39                                       # measured 42 of 49 (round 3: 37; round 2: 33)
    assert events.pred - events.tp <= 6                          # measured 4 spurious in 5 articles (round 3: 5)
    assert max(len(p.get("events") or []) for p in preds.values()) <= 12


def test_dev_set_floors_tune_and_heldout():
    tune = evaluate(DEV, split="tune")
    held = evaluate(DEV, split="heldout")
    assert tune["events"].f1 >= 0.88 and tune["quotes"].f1 >= 0.97   # measured 0.916 / 1.00 (229 sentences)
    assert held["events"].f1 >= 0.88 and held["quotes"].f1 >= 0.93   # measured 0.946 / 0.97 (108; its errors seen in round 3)


def test_round3_sentence_floors():
    """Round-3 news-style tokenised sentences: dev (tuned on); test, testB, testC and testD
    not tuned on (testC/testD written after the rules were frozen)."""
    scores = {split: evaluate(ROUND3, split=split)["events"] for split in ("dev", "test", "testB", "testC", "testD")}
    assert scores["dev"].f1 >= 0.88                                    # measured 0.932 (73 sentences)
    assert scores["test"].f1 >= 0.74 and scores["testB"].f1 >= 0.78   # measured 0.800 / 0.836
    assert scores["testC"].f1 >= 0.68 and scores["testD"].f1 >= 0.76  # measured 0.733 / 0.820 (round 2: 0.667 / 0.754)


@pytest.mark.parametrize("text", [
    "“Kami siap bekerja sama, kata Lavrov. “ Dia menambahkan “",   # unbalanced quote marks
    "“Ini adalah langkah penting.”",                                # quote with no speaker
    "Xyzabc Qwerty menyerang Fghjk Lmnop di Zzz .",                  # actors nobody knows
    " ".join(["Rusia menyerang desa itu dan"] * 400) + " .",         # a 2,000-word sentence
])
def test_bad_input_is_no_rejection_and_invents_nothing(text):
    a = analyze_line(text)
    assert hasattr(a, "events"), a
    for e in a.events:
        for side in (e.source, e.target):
            assert side is None or side.country is None or side.country in {"RUS"}
    assert all(q.speaker is not None for q in a.quotes)


def test_eval_commands_on_the_dev_set():
    runner = CliRunner()
    for name in ("events", "quotes"):
        r = runner.invoke(cli, ["eval", name, str(DEV), "--split", "heldout", "--format", "json"])
        assert r.exit_code == 0, r.output
        assert 0.0 <= json.loads(r.output)[name]["f1"] <= 1.0


def test_eval_with_predictions_file(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": "x", "quotes": [], "events": [
        {"type": "ASSAULT", "source": "Rusia", "source_country": "RUS", "target": "Ukraina", "target_country": "UKR"}]}) + "\n")
    pred = tmp_path / "p.jsonl"
    pred.write_text(json.dumps({"source": "x.txt", "line": 1, "events": [
        {"type": "ASSAULT", "source": {"text": "Moskow", "country": "RUS"}, "target": {"text": "Kyiv", "country": "UKR"}}]}) + "\n")
    scores = evaluate(gold, pred)
    assert scores["events"].tp == 1 and scores["events"].f1 == 1.0


def test_eval_bad_gold_is_a_clean_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    r = CliRunner().invoke(cli, ["eval", "events", str(bad)])
    assert r.exit_code != 0 and "not valid JSON" in str(r.exception or r.output)


def test_stored_events_and_quotes_are_listed(tmp_path):
    """Our stages' output through ingest and main's `warta events` / `warta quotes`."""
    corpus = tmp_path / "in.txt"
    corpus.write_text("Presiden Joko Widodo menyambut baik rencana investasi Korea Selatan di Jakarta.\n"
                      "Kami siap bekerja sama dengan Indonesia , kata Menlu Rusia Sergei Lavrov .\n")
    db = tmp_path / "w.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(corpus), "--lines", "--db", str(db), "--quiet"]).exit_code == 0
    r = runner.invoke(cli, ["events", "--db", str(db), "--country", "IDN", "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(l) for l in r.output.splitlines()]
    assert {row["type"] for row in rows} == {"SUPPORT", "AGREE"}
    r = runner.invoke(cli, ["events", "--db", str(db), "--type", "agree", "--actor", "lavrov", "--format", "jsonl"])
    assert [json.loads(l)["type"] for l in r.output.splitlines()] == ["AGREE"]
    r = runner.invoke(cli, ["quotes", "--db", str(db), "--actor", "Lavrov", "--format", "jsonl"])
    (q,) = [json.loads(l) for l in r.output.splitlines()]
    assert q["content"].startswith("Kami siap")
