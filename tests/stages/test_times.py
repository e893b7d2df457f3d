from warta.model import Article, RawDoc
from warta.settings import DEFAULTS
from warta.stages import pipeline
from warta.stages.times import times


def test_stage_fills_times_against_publication_day():
    article = Article("x", body="Ia datang kemarin, Senin (29/12/2014).", published="2014-12-30T09:00:00+07:00")
    times(article, DEFAULTS)
    assert [(t.text, t.value) for t in article.times] == [("kemarin", "2014-12-29"), ("Senin (29/12/2014)", "2014-12-29")]
    assert article.notes == []


def test_stage_without_publication_date_leaves_relative_values_empty_with_a_note():
    article = Article("x", body="Ia datang kemarin, 3 April 2024.", published=None)
    times(article, DEFAULTS)
    assert [(t.text, t.value) for t in article.times] == [("kemarin", None), ("3 April 2024", "2024-04-03")]
    assert any("publication" in n for n in article.notes)


def test_analyze_pipeline_runs_times_and_outputs_them():
    raw = RawDoc("x", "Rapat digelar pekan lalu.".encode(), kind="text", given={"published": "2024-04-04T10:00:00+07:00"})
    # one sentence is not an article for the extraction stage: analyse it as a --lines document
    result = pipeline("analyze", DEFAULTS.with_(lines=True)).run(raw)
    assert "times" in pipeline("analyze").names
    assert result.to_dict()["times"][0]["value"] == "2024-W13"
