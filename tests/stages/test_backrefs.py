"""Article context for events: back-references across sentences resolve in a whole article
and stay unresolved in an isolated line. Sentences written for this test (not from the seeds)."""
from pathlib import Path

from warta.evaluate.events import evaluate
from warta.model import RawDoc
from warta.settings import DEFAULTS
from warta.stages import pipeline

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "events_articles.jsonl"


def events_of(text):
    a = pipeline("analyze", DEFAULTS.with_(lines=True)).run(RawDoc("t", text.encode(), kind="text"))
    return {(e.type, e.source.country if e.source else None, e.target.country if e.target else None) for e in a.events}, a


def test_both_leaders_are_the_sides_of_the_earlier_meeting():
    found, _ = events_of("Presiden Kenya William Ruto menerima Presiden Tanzania Samia Suluhu Hassan di Nairobi. "
                         "Kedua pemimpin sepakat membuka kembali jalur perdagangan di perbatasan.")
    assert ("AGREE", "KEN", "TZA") in found


def test_that_state_is_not_the_one_acting_in_the_sentence():
    found, _ = events_of("Militer Korea Utara menembakkan rudal ke arah Jepang pada Senin pagi. "
                         "Tokyo kemudian memanggil duta besar negara itu.")
    assert ("SANCTION", "JPN", "PRK") in found


def test_pronoun_subject_is_the_earlier_subject_not_the_nearest_person():
    found, _ = events_of("Presiden Chili Gabriel Boric berbicara melalui telepon dengan Presiden Argentina Javier Milei. "
                         "Ia mendesak Milei mencabut larangan ekspor gas.")
    assert ("REQUEST", "CHL", "ARG") in found and ("REQUEST", "ARG", "ARG") not in found


def test_an_isolated_line_keeps_its_pronoun():
    _, a = events_of("Ia mendesak Javier Milei mencabut larangan ekspor gas .")
    sources = [e.source for e in a.events if e.type == "REQUEST"]
    assert sources and all(s.canonical is None and s.country is None for s in sources)


def test_doing_that_repeats_the_act_told_before():
    found, a = events_of("Presiden Lituania mengatakan NATO harus mengirim pasukan ke Ukraina. "
                         "Namun Kanselir Jerman menegaskan bahwa Jerman tidak akan melakukan hal tersebut.")
    assert ("MOBILIZE", "DEU", "UKR") in found
    assert any(e.type == "MOBILIZE" and e.aux == "negated" for e in a.events)


def test_condemning_that_attack_targets_its_doer():
    found, _ = events_of("Pasukan Israel menyerang kamp pengungsi Jenin di Tepi Barat. "
                         "Pemerintah Yordania mengutuk serangan itu.")
    assert ("ACCUSE", "JOR", "ISR") in found


def test_article_gold_floors():
    """Paragraphs with back-references (tests/data/events_articles.jsonl), split by md5 before
    the article context was written; dev was tuned on, test measured at the end."""
    dev = evaluate(ARTICLES, split="dev")["events"]
    test = evaluate(ARTICLES, split="test")["events"]
    assert dev.f1 >= 0.85 and test.f1 >= 0.76      # measured 0.923 / 0.829 (without the context: 0.586 / 0.656)
