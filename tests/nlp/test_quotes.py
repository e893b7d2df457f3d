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


# --- round 3: real tokenised news (idner-news-2k), written by us in the same shapes -------

def speakers(text, entities=()):
    return [(q.speaker.text, q.content) for q in quotes_of(text, entities)]


def test_a_complement_must_be_something_said():
    assert speakers("Pengamat itu menilai kebijakan tersebut akan menekan daya beli .")[0][0] == "Pengamat itu"
    assert speakers("Presiden menyatakan belasungkawa kepada keluarga korban yang tewas .") == []
    assert speakers("Partai itu mengumumkan tiga calon gubernur .") == []
    assert speakers("Menteri itu mengungkapkan hal tersebut kepada wartawan .") == []
    # a stance toward an act is a statement of it
    assert len(speakers("Pemerintah Jepang menyatakan kesiapan Tokyo untuk membantu korban gempa .")) == 1


def test_unsaid_speech_is_not_a_quote():
    assert speakers("Kementerian itu tidak menjelaskan alasan penundaan tersebut .") == []
    assert speakers("Presiden akan mengumumkan susunan kabinet yang baru besok pagi .") == []
    assert speakers('Juru bicara itu tidak mengatakan apa-apa soal " rencana B " .') == []
    # the subject of a denied first predicate still said the second
    (sp,) = speakers("Kantor berita itu tidak menjelaskan jangkauannya , namun menyatakan rudal itu sudah diuji .")
    assert sp[0] == "Kantor berita itu" and sp[1].startswith("rudal itu")


def test_subject_in_apposition_between_commas():
    (sp,) = speakers("Rina , seorang guru honorer di Bogor , mengaku gajinya belum dibayar tiga bulan .")
    assert sp[0].startswith("Rina") and sp[1].startswith("gajinya")


def test_a_cue_takes_the_unquoted_sentences_before_it_in_its_line():
    (q,) = quotes_of("Kami sudah siap . Semua logistik sudah dikirim ke lokasi , ujarnya .")
    assert q.content.startswith("Kami sudah siap") and q.speaker.text == "nya"


def test_parenthetical_cue_with_place_and_day_keeps_both_sides():
    (sp,) = speakers("Sejak awal , kata Rudi di Bandung , Senin (3/3) , proyek itu sudah bermasalah .")
    assert sp[0] == "Rudi" and sp[1].startswith("Sejak awal") and sp[1].endswith("sudah bermasalah")


def test_a_pronoun_cue_inside_a_quotation_belongs_to_it():
    (sp,) = speakers("Kami menilai situasinya sudah aman , tambah dia .")
    assert sp[0] == "dia" and sp[1].startswith("Kami menilai")


def test_opening_passive_cues():
    (sp,) = speakers("Ditambahkannya , pihaknya akan menambah armada bus selama libur Lebaran .")
    assert sp[0] == "nya" and sp[1].startswith("pihaknya akan")
    (sp,) = speakers("Dikatakan Hendra , stok pupuk di gudang masih cukup .")
    assert sp[0] == "Hendra" and sp[1].startswith("stok pupuk")


def test_a_closing_mark_left_from_the_line_before():
    (sp,) = speakers('Harga beras akan turun bulan depan , " kata Hendra .')
    assert sp == ("Hendra", "Harga beras akan turun bulan depan")
    # a balanced quotation's cue is read once; the next quotation continues its speaker
    assert [s for s, _ in speakers('" Harga beras akan turun , " kata Hendra . " Stoknya cukup . "')] == ["Hendra", "Hendra"]
    assert len(quotes_of('" Harga beras akan turun , " kata Hendra .')) == 1


def test_plans_and_rules_are_no_speakers_and_institutions_stay_with_officials():
    assert speakers("Menurut rencana , jembatan itu diresmikan akhir bulan ini .") == []
    assert speakers("Masih menurut Hendra , stok pupuk cukup .")[0][0] == "Hendra"
    (sp,) = speakers("Kami belum bisa memastikan jumlahnya , kata seorang pejabat pada kementerian kesehatan .")
    assert sp[0] == "seorang pejabat pada kementerian kesehatan"


def test_a_long_sentence_lends_no_far_cue_to_a_quote():
    body = "Presiden mengatakan " + " ".join(["warga berjalan di jalan raya"] * 400) + ' " Ini langkah penting " .'
    t0 = time.perf_counter()
    qs = quotes_of(body)
    assert time.perf_counter() - t0 < 2
    assert all(q.speaker is not None and q.speaker.text == "Presiden" for q in qs)
    assert not any(q.direct for q in qs)          # the quotation 2,000 words later has no speaker


def test_round_three_shapes():
    # a question closed by its cue
    assert speakers("Mengapa kami tidak boleh ikut ? katanya .") == [("nya", "Mengapa kami tidak boleh ikut")]
    # menurut inside the sentence, with a description after the name
    (sp,) = speakers("Gagasan itu menurut Wulan , salah satu peneliti , lahir dari pengalaman lapangan .")
    assert sp[0] == "Wulan" and sp[1].startswith("Gagasan itu")
    # an assessment in the passive with -nya
    (sp,) = speakers("Karena itu , kegagalan panen tahun ini dinilainya sebagai peringatan keras .")
    assert sp[0] == "nya" and sp[1].startswith("kegagalan panen")
    # wire and hearsay cues after the words
    (sp,) = speakers("Dua kapal tenggelam di pelabuhan itu , lapor media setempat , Senin .")
    assert sp[0] == "media setempat"
    (sp,) = speakers("Jembatan itu runtuh pada dini hari , demikian dikatakan beberapa warga .")
    assert sp[0] == "beberapa warga"
    # the head of a relative clause speaks; a coordinated predicate shares its subject
    (sp,) = speakers("Bupati Sleman yang juga Ketua DPD Partai X mengatakan anggaran sudah cair .")
    assert sp[0] == "Bupati Sleman"
    (sp,) = speakers("Usai rapat , pengurus kemudian membatalkan acara itu dan menyatakan semua tiket akan dikembalikan .")
    assert sp[0] == "pengurus" and sp[1].startswith("semua tiket")
    # a relative "yang menyebut" inside someone's quote is not a second speaker
    assert [s for s, _ in speakers("Menurut Rudi , kabar yang menyebut harga akan naik tidak benar .")] == ["Rudi"]


def test_round_four_and_five_shapes():
    # adjuncts and relative clauses between the subject and its cue
    (sp,) = speakers("Ekonom Bank Dunia Sri Hartati , dalam seminar di Bogor , Senin , mengatakan bahwa inflasi terkendali .")
    assert sp[0].endswith("Sri Hartati") and sp[1].startswith("inflasi")
    (sp,) = speakers("Menteri itu , yang sedang berada di Tokyo untuk KTT G20 (G-20) , mengatakan , ekspor naik .")
    assert sp[0] == "Menteri itu"
    # an object before ", mengatakan" is not the speaker
    (sp,) = speakers("Rina , seorang aktivis yang terpilih tahun lalu , berjanji membela Warga Pesisir secara hukum , mengatakan reklamasi harus dihentikan .")
    assert sp[0].startswith("Rina")
    # hypothetical speech, back references followed by a verb, a bracketed acronym in a speaker
    assert speakers("Presiden bisa mengatakan kebijakan itu keliru .") == []
    assert speakers("Budi mengungkapkan itu menanggapi pertanyaan wartawan .") == []
    (sp,) = speakers("Harga akan naik , kata Kepala Badan Pusat Statistik (BPS) Amalia Widyasanti .")
    assert sp[0].endswith("Amalia Widyasanti")
    # "menyebut X sebagai Y", "menilainya", a clause whose predicate comes after commas
    assert speakers("Peneliti itu menyebut gempa tersebut sebagai peringatan dini .")[0][0] == "Peneliti itu"
    assert speakers("Warga sempat menilainya tidak mampu memimpin .")[0][0] == "Warga"
    (sp,) = speakers("Dinas itu menyatakan persiapan di Pantai Parangtritis , Bantul , sebagai lokasi lomba telah selesai .")
    assert sp[0] == "Dinas itu"
    # saying verbs take a complement that opens with a preposition
    (sp,) = speakers("Ia mengatakan dengan suku bunga yang tetap maka kredit akan tumbuh .")
    assert sp[1].startswith("dengan suku bunga")
    # a name after the speaker's comma that starts the next clause is not an apposition
    body = "Seharusnya , lanjut Nurul , Jokowi memiliki kepercayaan diri ."
    (q,) = quotes_of(body, [person("Nurul", body), person("Jokowi", body)])
    assert q.speaker.text == "Nurul"


def test_round_seven_shapes():
    # "Seperti dikatakan, X di Y, Jumat, ..." and "menurut saya" without a comma
    (sp,) = speakers("Seperti dikatakan , Ketua Panitia Budi Santoso di Bandung , Jumat , semua peserta sudah hadir .")
    assert sp[0].endswith("Budi Santoso") and sp[1].startswith("semua peserta")
    assert speakers("Menurut saya kita tidak perlu khawatir .") == [("saya", "kita tidak perlu khawatir")]
    # a second cue coordinated with a post-posed speaker keeps that speaker
    sps = speakers("Harga naik , kata harian Kompas , dan menambahkan , stok beras cukup .")
    assert [s for s, _ in sps] == ["harian Kompas", "harian Kompas"]
    # a company with its description between commas; a bare verb after "menyatakan"
    (sp,) = speakers("Maju Jaya S.A. , sebuah perusahaan tekstil berbasis Bandung , mengatakan laba naik .")
    assert sp[0].startswith("Maju Jaya")
    assert speakers("Dua calon ketua menyatakan mundur dari pemilihan .")[0][0] == "Dua calon ketua"
    # a belief word after a comma is no post-posed cue when a predicate follows its noun
    assert [s for s, _ in speakers("Partai itu sendiri , kata dia , yakin Golkar akan bertahan .")] == ["dia"]
