"""Quote finding and speaker attribution on hand-written sentences (not the seeds)."""
import time

from warta.model import Entity
from warta.nlp.actors import Resolver
from warta.nlp.quotes import find_quotes, quote_marks
from warta.nlp.tokens import tokenize


def quotes_of(text, entities=()):
    return find_quotes(text, Resolver(text, list(entities)))


def person(text, body, canonical=None, country=None):
    start = body.index(text)
    return Entity(text, start, start + len(text), "PER", canonical=canonical or text, country=country)


def test_direct_quote_with_post_posed_cue():
    (q,) = quotes_of("“Kami siap bekerja sama,” kata Lavrov.")
    assert q.direct and q.speaker.text == "Lavrov" and q.cue == "kata"
    assert q.content.startswith("Kami siap bekerja sama")


def test_tokenised_line_without_quote_marks():
    (q,) = quotes_of("Kami siap bekerja sama , kata Lavrov .")
    assert q.speaker.text == "Lavrov" and not q.direct
    assert q.content == "Kami siap bekerja sama"


def test_nya_speaker_stays_a_pronoun_in_an_isolated_sentence():
    (q,) = quotes_of("Kita harus memperkuat pertahanan siber nasional , ujarnya .")
    assert q.speaker.text == "nya" and q.speaker.canonical is None


def test_nya_speaker_resolves_to_the_preceding_person():
    body = "Menteri Retno Marsudi tiba di Beijing. “Kunjungan ini penting,” ujarnya."
    (q,) = quotes_of(body, [person("Retno Marsudi", body, country="IDN")])
    assert q.speaker.canonical == "Retno Marsudi" and q.speaker.country == "IDN"


def test_pre_posed_cue_with_bahwa_and_a_title():
    body = "Menteri Luar Negeri Rusia Sergey Lavrov mengatakan bahwa Rusia siap membantu Senegal."
    (q,) = quotes_of(body, [person("Sergey Lavrov", body, country="RUS")])
    assert q.speaker.canonical == "Sergey Lavrov" and q.content.startswith("Rusia siap")


def test_inverted_order_takes_the_clause_before_the_speaker():
    body = "Rusia siap membantu Senegal, Menteri Luar Negeri Rusia Sergey Lavrov mengatakan pada hari Selasa."
    (q,) = quotes_of(body)
    assert "Lavrov" in q.speaker.text and q.content == "Rusia siap membantu Senegal"


def test_menurut_before_and_after():
    a = quotes_of("Menurut Menteri Pertahanan Inggris Grant Shapps, London akan terus memasok senjata.")
    b = quotes_of("Situasi masih terkendali, menurut juru bicara militer.")
    assert a[0].speaker.text.endswith("Grant Shapps") and a[0].content.startswith("London")
    assert b[0].speaker.text == "juru bicara militer" and b[0].content == "Situasi masih terkendali"


def test_title_resolves_to_an_earlier_person_of_that_country():
    body = "Sergey Lavrov tiba di Dakar. “Kami siap membantu,” Menteri luar negeri Rusia menyatakan."
    (q,) = quotes_of(body, [person("Sergey Lavrov", body, country="RUS")])
    assert q.speaker.text == "Menteri luar negeri Rusia" and q.speaker.canonical == "Sergey Lavrov"


def test_quote_spanning_two_sentences_is_one_quote():
    (q,) = quotes_of("“Kami tidak menginginkan itu. Para diplomat harus mencapai kesepakatan,” lanjut Ryabkov.")
    assert "Para diplomat" in q.content and q.speaker.text == "Ryabkov"


def test_plural_pronoun_resolves_to_the_conjoined_subject():
    body = "Menlu Rusia dan negara-negara ASEAN berkumpul di Manila. Mereka menegaskan bahwa kerja sama akan diperkuat."
    (q,) = quotes_of(body)
    assert q.speaker.text == "Mereka" and "ASEAN" in q.speaker.canonical


def test_an_act_verb_without_bahwa_is_not_a_quote():
    assert quotes_of("Iran membantah tuduhan itu.") == []
    assert len(quotes_of("Iran membantah bahwa pihaknya memasok drone.")) == 1


def test_quote_without_speaker_is_not_reported():
    assert quotes_of("“Ini adalah langkah penting bagi perdamaian.”") == []
    assert quotes_of("Harga minyak naik dua persen pada perdagangan Selasa.") == []


def test_unbalanced_quote_marks_do_not_crash():
    qs = quotes_of("“Kami siap bekerja sama, kata Lavrov. Dia menambahkan “ bahwa")
    assert all(q.speaker is not None for q in qs)
    assert quote_marks(tokenize("a “ b c")) == [(1, None)]


def test_two_thousand_word_sentence_is_handled_quickly():
    body = "Menurut pejabat itu, " + " ".join(["warga berjalan di jalan"] * 500) + " , kata Lavrov ."
    t0 = time.perf_counter()
    qs = quotes_of(body)
    assert time.perf_counter() - t0 < 5
    assert all(q.speaker is not None for q in qs)


def test_menurutnya_and_a_title_with_the_name_after_a_comma():
    body = "Menlu Retno Marsudi tiba di Beijing. Menurutnya, kunjungan itu penting."
    (q,) = quotes_of(body, [person("Retno Marsudi", body, country="IDN")])
    assert q.speaker.canonical == "Retno Marsudi" and q.content == "kunjungan itu penting"
    body = "Kami menghormati keputusan itu , kata juru bicara Kemlu , Roy Soemirat ."
    (q,) = quotes_of(body, [person("Roy Soemirat", body)])
    assert q.speaker.canonical == "Roy Soemirat"


def test_passive_cues_and_voiced_ideas():
    (q,) = quotes_of("Pasukan itu digambarkan oleh para pejabat Mali sebagai instruktur militer.")
    assert q.speaker.text == "para pejabat Mali" and q.content == "instruktur militer"
    (q,) = quotes_of("Dalam situs Sekretariat ASEAN dijelaskan bahwa terorisme adalah ancaman bersama.")
    assert "ASEAN" in q.speaker.text and q.content.startswith("terorisme")
    (q,) = quotes_of("Presiden Prancis Emmanuel Macron mengapungkan ide bahwa NATO harus mengirim pasukan.")
    assert "Macron" in q.speaker.text and q.content.startswith("NATO")


def test_parenthetical_cues_and_stray_marks():
    (q,) = quotes_of("Namun, kata Ali, PT INTI selaku pelaksana proyek mengalami sejumlah kendala.")
    assert q.speaker.text == "Ali" and q.content.startswith("PT INTI")
    (q,) = quotes_of("OPEC, kata Bambang, bukan satu-satunya penentu harga minyak dunia.")
    assert q.speaker.text == "Bambang" and q.content.startswith("OPEC")
    # a stray straight quote (a mis-encoded dash) must not hide the cue after it
    (q,) = quotes_of('JAKARTA " Menteri Energi Sudirman Said mengatakan, pemerintah terus mengkaji harga BBM.')
    assert "Sudirman Said" in q.speaker.text and q.content.startswith("pemerintah")
    # a single quote inside a double-quoted quotation does not close it
    (q,) = quotes_of(""""Harga minyak sangat 'volatil' saat ini," kata Menteri Sofyan Djalil.""")
    assert q.direct and q.speaker.text.endswith("Sofyan Djalil") and "saat ini" in q.content


def test_a_lead_title_resolves_to_the_office_holder_named_later():
    body = "Menlu Rusia mengatakan bahwa kerja sama akan diperluas. Sergey Lavrov, Menlu Rusia, tiba di Dakar."
    lavrov = person("Sergey Lavrov", body, country="RUS")
    lavrov.role = "Menteri Luar Negeri Rusia"
    q = quotes_of(body, [lavrov])[0]
    assert q.speaker.text == "Menlu Rusia" and q.speaker.canonical == "Sergey Lavrov"
