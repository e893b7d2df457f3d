import pickle

import pytest

from warta.errors import PipelineError, StageError
from warta.model import Article, RawDoc, Rejection
from warta.pipeline import Pipeline, build, stage
from warta.stages import pipeline


@stage("upper", requires={"text"}, provides={"body"})
def upper(a, settings):
    a.body = a.text.upper()


@stage("picky", requires={"body"}, provides={"title"})
def picky(a, settings):
    if "BAD" in a.body:
        raise StageError("refuses bad documents")
    a.title = a.body[:3]


@stage("crashy", requires={"body"}, provides={"title"})
def crashy(a, settings):
    raise ZeroDivisionError("boom")


def test_stages_run_in_order():
    result = build([upper, picky]).run(RawDoc("a.txt", b"good text"))
    assert isinstance(result, Article) and result.title == "GOO"


def test_a_failing_stage_becomes_a_rejection_naming_it_and_the_batch_goes_on():
    pipe = build([upper, picky])
    results = list(pipe.run_all([RawDoc("a.txt", b"bad"), RawDoc("b.txt", b"fine")]))
    assert isinstance(results[0], Rejection) and results[0].stage == "picky"
    assert "refuses" in results[0].reason
    assert isinstance(results[1], Article)


def test_unexpected_exceptions_are_rejections_too():
    r = build([upper, crashy]).run(RawDoc("a.txt", b"x"))
    assert isinstance(r, Rejection) and r.stage == "crashy" and "ZeroDivisionError" in r.reason


def test_order_is_checked_when_the_pipeline_is_built():
    with pytest.raises(PipelineError, match="picky"):
        build([picky, upper])


def test_undecodable_input_is_rejected_at_decode():
    r = build([upper]).run(RawDoc("x.txt", b"\x89PNG\r\n\x1a\n" + b"\0" * 50))
    assert isinstance(r, Rejection) and r.stage == "decode" and "PNG" in r.reason


def test_shipped_pipelines_are_consistent_and_picklable():
    for name in ("extract", "analyze"):
        p = pipeline(name)
        assert isinstance(p, Pipeline) and p.names
        assert pickle.loads(pickle.dumps(p)).names == p.names


def test_library_process_works_after_the_pipeline_module_is_imported():
    import warta
    import warta.pipeline  # noqa: F401 - the module must not shadow the API
    result = warta.process("Presiden Joko Widodo meresmikan bendungan baru di Jawa Tengah pada hari Senin.")
    assert isinstance(result, Article) and "bendungan" in result.body
