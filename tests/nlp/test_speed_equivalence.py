"""Shortcuts taken for speed must give what the plain computation gives."""
import json
from pathlib import Path

from warta.nlp.tokens import body_tokens, sentences, tokenize

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "data" / "events_dev.jsonl"
DEMO = ROOT / "src" / "warta" / "resources" / "demo"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"

ODD = [
    "", " \n \n", "Kol. Inf. H. Ahmad, S.H. tiba pukul 14.30 WIB.Lalu pergi.\n\n“Kami menolak.\nTidak!” katanya",
    "Harga naik 3.4 persen.Rp 20.000,00 ... ?! (26/1)\u00a0Jakarta\tRabu.  “Ya,” ujarnya. \"Tidak\"",
    "a" * 50 + ". " + "“tanpa tutup " * 60 + "akhir.",
]


def _texts() -> list[str]:
    texts = [json.loads(l)["text"] for l in DEV.read_text("utf-8").splitlines() if l.strip()]
    texts = ["\n".join(texts[i:i + 7]) for i in range(0, len(texts), 7)]     # paragraphs
    for folder in (DEMO, SEEDS):
        if folder.exists():
            texts += [p.read_text("utf-8", errors="replace") for p in sorted(folder.glob("*")) if p.is_file()]
    return texts + ODD


def test_body_tokens_equal_tokenize_over_the_whole_text():
    for text in _texts():
        assert body_tokens(text) == tokenize(text), text[:80]


def test_sentences_cover_every_non_space_character():
    for text in _texts():
        covered = set()
        for s in sentences(text):
            assert text[s.start:s.end] == s.text
            covered.update(range(s.start, s.end))
        assert all(text[i].isspace() for i in range(len(text)) if i not in covered), text[:80]


def _reference_gazetteer_tag(gaz, lowers):
    """The plain longest-match scan, token by token."""
    out, i = [None] * len(lowers), 0
    while i < len(lowers):
        longest = gaz.first_words.get(lowers[i])
        if not longest:
            i += 1
            continue
        for n in range(min(longest, len(lowers) - i), 0, -1):
            cat = gaz.entries.get(tuple(lowers[i:i + n]))
            if cat:
                out[i] = "B-" + cat
                for j in range(i + 1, i + n):
                    out[j] = "I-" + cat
                i += n
                break
        else:
            i += 1
    return out


def test_gazetteer_scan_equals_the_plain_scan():
    from warta.nlp.features import gazetteer
    from warta.nlp.kb import norm
    gaz = gazetteer()
    names = [" ".join(k) for k in list(gaz.entries)[:300]]
    texts = _texts() + [" ".join(names[i:i + 9]) for i in range(0, len(names), 9)]
    tagged = 0
    for text in texts:
        for s in sentences(text):
            lowers = [norm(t.text) or t.text.lower() for t in tokenize(s.text)]
            want = _reference_gazetteer_tag(gaz, lowers)
            assert gaz._tag(lowers) == want
            tagged += any(want)
    assert tagged > 50


def test_actor_tokens_equal_plainly_built_ones():
    from warta.nlp.actors import Tok, split
    from warta.nlp.tokens import Token
    for text in _texts()[:80]:
        want = tuple((s, tuple(Tok(t.text, t.start, t.end, t.text.lower()) for t in tokenize(s.text, s.start)))
                     for s in sentences(text))
        got = split(text)
        assert got == want
        # equality leaves ``low`` out: compare it too, also with a token built plainly
        assert [t.low for _, ts in got for t in ts] == [t.text.lower() for _, ts in got for t in ts]
        assert all(Token(t.text, t.start, t.end).low == t.low for _, ts in got for t in ts)


def test_role_cue_lookup_equals_scanning_every_cue():
    from warta.nlp.kb import load_kb, norm
    from warta.nlp.linking import _cues_starting_with
    kb = load_kb()
    cues = list(kb.role_cues)
    zones = [" ".join(cues[i:i + 3]) for i in range(len(cues))]
    for text in _texts()[:60] + zones:
        toks = tokenize(text)
        for i in range(0, len(toks), 3):
            lowers = [norm(t.text) for t in toks[i:i + 8]]
            joined = " ".join(lowers)
            plain = max((c for c in cues if f" {c} " in f" {joined} "), key=len, default=None)
            fast = max((c for c in _cues_starting_with(kb, joined.split()) if f" {c} " in f" {joined} "), key=len, default=None)
            assert fast == plain, joined


def _reference_country_and_role(words):
    """actors._country_and_role without its shortcut: the scan over every word."""
    from warta.nlp.actors import longest_match, places, roles, strip_nya, HEAD_WORDS
    country = place_sector = role = None
    named_place = False
    table, rtable = places(), roles()
    i = 0
    while i < len(words):
        n, place = longest_match(words, i, table)
        if place is not None and country is None:
            country, place_sector = place.code, place.sector
            named_place = named_place or all(w in HEAD_WORDS for w in words[:i])
        m, r = longest_match(words, i, rtable)
        if r is None and words[i] != strip_nya(words[i]):
            m, r = (1, rtable.get((strip_nya(words[i]),)))
        if r is not None and role is None:
            role = r
        i += max(n, m, 1)
    return country, place_sector, role, named_place


def test_country_and_role_shortcut_equals_the_full_scan():
    from warta.nlp import actors
    words = [t.text.lower() for text in _texts()[:60] for t in tokenize(text)]
    found = 0
    for i in range(0, len(words), 2):
        for n in (1, 3, 6):
            phrase = tuple(words[i:i + n])
            want = _reference_country_and_role(phrase)
            assert actors._country_and_role(phrase) == want, phrase
            assert actors._country_and_role(phrase) == want, phrase     # again, from the cache
            found += want != (None, None, None, False)
    assert found > 100


def test_hypothetical_scan_equals_collecting_the_clause():
    from warta.nlp.actors import split
    from warta.nlp.events import _hypothetical_clause
    from warta.nlp.phrases import HYPOTHETICAL, PUNCT_STOP
    hits = 0
    for text in _texts():
        for _, toks in split(text):
            for lo in range(len(toks) + 1):
                clause = []
                for t in reversed(toks[:lo]):
                    if t.text in PUNCT_STOP:
                        break
                    clause.append(t.low)
                want = any(w in HYPOTHETICAL for w in clause)
                assert _hypothetical_clause(toks, lo) == want, text[:80]
                hits += want
    assert hits > 10


def test_office_holder_index_equals_scanning_every_record():
    from warta.nlp.kb import load_kb
    kb = load_kb()
    offices = {(t.role, t.country) for r in kb.records.values() for t in r.terms} | {("president", "XXX")}
    days = ["1990-01-01", "2015-06-30", "2022-02-24", "2024-03-05", "2026-11-23"]
    hits = 0
    for role, country in offices:
        for day in days:
            plain = next((r for r in kb.records.values() if r.kind == "PER" and any(
                t.role == role and t.country == country and t.covers(day) for t in r.terms)), None)
            assert kb.holder(role, country, day) is plain
            hits += plain is not None
    assert hits > 20


def test_surname_index_equals_scanning_every_person_key():
    from warta.nlp.kb import load_kb
    kb = load_kb()
    lasts = {k.split()[-1] for k in kb.people_by_fold} | {"zzzunknown"}
    unique = 0
    for last in sorted(lasts):
        plain = {r.id: r for k, rs in kb.people_by_fold.items() if k.split()[-1] == last for r in rs}
        indexed = kb.people_with_surname(last)
        assert list(indexed) == list(plain) and all(indexed[i] is plain[i] for i in plain), last
        unique += len(plain) == 1
    assert unique > 50


def _reference_role_phrases(linker, doc, ents, day):
    """linking.role_phrase_entities trying every token as a cue start."""
    from warta.model import Entity
    from warta.nlp.features import gazetteer
    from warta.nlp.kb import norm
    kb, toks = linker.kb, doc.tokens
    lowers = [norm(t.text) for t in toks]
    covered = {t for e in ents for t in range(doc.token_at(e.start), doc.token_at(e.end))}
    per_starts = {doc.token_at(e.start) for e in ents if e.label == "PER"}
    gaz = gazetteer().tag(lowers)
    out = []
    for i in range(len(toks)):
        for n in (4, 3, 2, 1):
            code = kb.role_cues.get(" ".join(lowers[i:i + n]))
            j = i + n
            if not code or j >= len(toks) or gaz[j] != "B-CTRY" or covered & set(range(i, j)):
                continue
            k = j + 1
            while k < len(toks) and gaz[k] == "I-CTRY":
                k += 1
            country = kb.country_names.get(" ".join(lowers[j:k]))
            nxt = k + 1 if k < len(toks) and toks[k].text == "," else k
            holder = kb.holder(code, country, day)
            if holder and nxt not in per_starts and (i == 0 or lowers[i - 1] != "mantan"):
                out.append(Entity(doc.body[toks[i].start:toks[k - 1].end], toks[i].start, toks[k - 1].end, "PER",
                                  holder.name, holder.id, holder.country, kb.role_label(code, country), "GOV"))
            break
    return out


def test_role_phrases_from_cue_starts_equal_trying_every_token():
    from warta.model import Entity
    from warta.nlp import linking
    from warta.nlp.mentions import find_spans
    linker = linking._linker()
    extra = ["Menlu Rusia bertemu Menhan India. Presiden Prancis, Emmanuel Macron, dan Perdana Menteri Jepang tiba.",
             "Kata Menteri Luar Negeri Amerika Serikat kepada mantan Presiden Filipina dan Sekjen PBB."]
    found = 0
    for text in _texts()[:40] + extra:
        ents = [Entity(text[s.start:s.end], s.start, s.end, s.label) for s in find_spans(text)]
        doc = linking.Doc(text)
        for day in ("2024-03-05", "2016-01-01"):
            want = _reference_role_phrases(linker, doc, ents, day)
            assert linking.role_phrase_entities(linker, doc, ents, day) == want
            found += len(want)
    assert found > 3


def test_abbreviation_test_equals_the_anchored_search():
    import re
    from warta.nlp.tokens import ABBREVIATIONS, _is_abbreviation

    def plain(text, dot):
        m = re.search(r"([\w.]+)$", text[max(0, dot - 40):dot])
        if not m:
            return False
        word = m.group(1).lower()
        return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or bool(re.fullmatch(r"(\w\.)+\w", word))

    checked = 0
    for text in _texts() + ["Kol. Inf. H.M. Ahmad, S.H. dan Dr. a.n. x.y.z. (Kab.) 3.4. " + "a" * 60 + ".", ".", "x."]:
        for dot in (i for i, ch in enumerate(text) if ch == "."):
            assert _is_abbreviation(text, dot) == plain(text, dot), (text[max(0, dot - 40):dot + 1])
            checked += 1
    assert checked > 500


def test_recase_shortcut_equals_the_plain_counts():
    from warta.nlp import ner

    def plain(words, lower):
        alpha = [w for w in words if w.isalpha()]
        if len(alpha) < 4 or not lower:
            return words
        caps = sum(w.isupper() and len(w) > 1 for w in alpha) >= 0.8 * len(alpha)
        if not caps and sum(w[0].isupper() for w in alpha) < 0.8 * len(alpha):
            return words
        out = []
        for w in words:
            if w.lower() in lower:
                out.append(w.lower())
            else:
                out.append(w.capitalize() if caps and w.isalpha() and len(w) > 4 else w)
        return out

    lower = ner.load_model().lower
    sents = [t.text for text in _texts() for s in sentences(text) for t in [s]]
    sents += ["PRESIDEN JOKO WIDODO TIBA DI JAKARTA", "Presiden Joko Widodo Tiba Di Jakarta Hari Ini",
              "Presiden Joko Widodo tiba Di Jakarta Hari Ini Untuk", "ÉCOLE ÇA ßTRASSE İSTANBUL ǅemal x"]
    changed = 0
    for text in sents:
        words = text.split()
        want = plain(words, lower)
        assert ner.recase(words, lower) == want
        changed += want is not words
    assert changed >= 3


def _reference_all_triggers(toks):
    """events.all_triggers without its skip: the longest match tried at every word."""
    from warta.nlp import events as ev
    words = [t.low for t in toks]
    lex = ev.lexicon()
    out, i = [], 0
    while i < len(words):
        n, trig = ev.longest_match(words, i, lex, max_len=4)
        if trig is None and i + 2 < len(words) and ev._quantity(words[i + 1]):
            n, trig = ev._across_quantity(words, i, lex)
        nya = False
        if trig is None and words[i].endswith("nya") and len(words[i]) > 7:
            trig = lex.get((words[i][:-3],))
            n, nya = 1, trig is not None
        if trig is None:
            i += 1
            continue
        out.append(ev._with_light_verb(toks, ev.Match(trig, i, i + n, i, trig.voice, nya)))
        i += n
    return out


def test_trigger_skip_equals_trying_every_word():
    from warta.nlp.actors import split
    from warta.nlp.events import all_triggers
    found = 0
    for text in _texts():
        for _, toks in split(text):
            want = _reference_all_triggers(toks)
            assert all_triggers(toks) == want, text[:80]
            found += len(want)
    assert found > 200


def test_events_leave_no_context_or_cycle_behind():
    """find_events drops its ArticleContext when done, so an article's actors are freed by
    reference counting (no resolver <-> context cycle for the garbage collector); the events
    are the same on a second run with the same resolver."""
    import gc

    from warta.nlp.actors import resolver_for
    from warta.nlp.events import find_events
    from warta.nlp.mentions import find_spans
    from warta.model import Entity
    text = _texts()[0]
    ents = [Entity(text[s.start:s.end], s.start, s.end, s.label) for s in find_spans(text)]
    res = resolver_for(text, ents)
    first = find_events(text, res)
    assert first and res.context is None
    assert find_events(text, res) == first
    gc.collect()
    gc.disable()
    try:
        find_events(text, res)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_language_scores_from_the_word_index_equal_summing_each_profile():
    from collections import Counter

    from warta.extract import lang
    for text in _texts() + ["Dia kata polis tidak tahu kerana wang", "the cat is on the mat"]:
        counts = Counter(w.lower() for w in lang.WORD.findall(text))
        plain = {code: sum(n for w, n in counts.items() if w in vocab) for code, vocab in lang.profiles().items()}
        fast = lang._scores(counts)
        assert fast == plain and list(fast) == list(plain), text[:80]



def test_rule_prefilter_equals_trying_every_rule():
    from warta.nlp import timex
    words = {w.group().lower() for text in _texts() for w in timex._WORD.finditer(text)}
    words |= {"2024", "12", "jum", "sepekan", "berhari-hari", "tiap", "pk", "kuartal", "xyz"}
    begins = 0
    for w in words:
        plain = tuple(rank for rank, (name, _, _) in enumerate(timex.RULES)
                      if name in timex._FIRST and timex._FIRST[name].fullmatch(w))
        assert timex._rules_for.__wrapped__(w) == plain, w
        begins += bool(plain)
    assert begins > 50 and len(words) - begins > 500

