"""Hand-written cases for Indonesian temporal expressions (publication: Thursday 4 April 2024)."""
from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from warta.nlp.timex import date_for_span, find_times

PUB = "2024-04-04T14:43:00+07:00"  # a Thursday, ISO week 2024-W14


def found(text: str, published=PUB) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_times(text, published)]


def only(text: str, published=PUB):
    times = find_times(text, published)
    assert len(times) == 1, [(t.text, t.value) for t in times]
    return times[0]


@pytest.mark.parametrize("text, expression, value, type_, granularity", [
    # absolute dates
    ("Serangan terjadi pada 3 April 2024 di Moskwa.", "3 April 2024", "2024-04-03", "DATE", "day"),
    ("Ia menyerah pada tanggal 15 Agustus 1945.", "tanggal 15 Agustus 1945", "1945-08-15", "DATE", "day"),
    ("Rapat digelar Rabu (3/4) di Jakarta.", "Rabu (3/4)", "2024-04-03", "DATE", "day"),
    ("kata dia, Kamis (27/1/2022).", "Kamis (27/1/2022)", "2022-01-27", "DATE", "day"),
    ("kata Jero, Rabu ( 11/12/2013 ).", "Rabu ( 11/12/2013 )", "2013-12-11", "DATE", "day"),
    ("Dokumen bertanggal 03/04/2024 itu bocor.", "03/04/2024", "2024-04-03", "DATE", "day"),
    ("Berkas 2024-04-03 dirilis.", "2024-04-03", "2024-04-03", "DATE", "day"),
    ("Harga naik pada Maret 2024.", "Maret 2024", "2024-03", "DATE", "month"),
    ("Proyek rampung pada bulan Juni 2025.", "bulan Juni 2025", "2025-06", "DATE", "month"),
    ("Pemilu digelar pada 2019 lalu.", "2019 lalu", "2019", "DATE", "year"),
    ("Sejak tahun 2010 harga naik.", "tahun 2010", "2010", "DATE", "year"),
    ("Krisis terjadi pada akhir 2023.", "akhir 2023", "2023", "DATE", "year"),
    ("Pertumbuhan kuartal III-2023 melambat.", "kuartal III-2023", "2023-Q3", "DATE", "quarter"),
    ("Target semester pertama tahun ini tercapai.", "semester pertama tahun ini", "2024-H1", "DATE", "half"),
    ("Harga rendah sejak tahun 1990-an.", "tahun 1990-an", "199", "DATE", "decade"),
    ("Musik era 80-an kembali populer.", "era 80-an", "198", "DATE", "decade"),
    # relative to publication
    ("Ia tiba pada hari Selasa.", "hari Selasa", "2024-04-02", "DATE", "day"),
    ("Ia tiba Kamis di Jakarta.", "Kamis", "2024-04-04", "DATE", "day"),
    ("Ia tiba Jumat di Jakarta.", "Jumat", "2024-03-29", "DATE", "day"),
    ("Ia pergi Selasa lalu.", "Selasa lalu", "2024-04-02", "DATE", "day"),
    ("Ia datang Jumat depan.", "Jumat depan", "2024-04-05", "DATE", "day"),
    ("Ia pergi Selasa pekan lalu.", "Selasa pekan lalu", "2024-03-26", "DATE", "day"),
    ("Menteri akan bertemu Presiden Senin.", "Senin", "2024-04-08", "DATE", "day"),
    ("Ia datang kemarin.", "kemarin", "2024-04-03", "DATE", "day"),
    ("Ia datang hari ini.", "hari ini", "2024-04-04", "DATE", "day"),
    ("Ia datang besok.", "besok", "2024-04-05", "DATE", "day"),
    ("Ia datang kemarin lusa.", "kemarin lusa", "2024-04-02", "DATE", "day"),
    ("Hari itu ia pergi.", "Hari itu", "2024-04-04", "DATE", "day"),
    ("Rapat digelar pekan lalu.", "pekan lalu", "2024-W13", "DATE", "week"),
    ("Rapat digelar minggu depan.", "minggu depan", "2024-W15", "DATE", "week"),
    ("Minggu lalu harga naik.", "Minggu lalu", "2024-W13", "DATE", "week"),
    ("Rapat digelar bulan depan.", "bulan depan", "2024-05", "DATE", "month"),
    ("Rapat digelar bulan lalu.", "bulan lalu", "2024-03", "DATE", "month"),
    ("Peristiwa itu terjadi 13 tahun lalu.", "13 tahun lalu", "2011", "DATE", "year"),
    ("Peristiwa itu terjadi tiga hari yang lalu.", "tiga hari yang lalu", "2024-04-01", "DATE", "day"),
    ("Ia kembali dua hari lagi.", "dua hari lagi", "2024-04-06", "DATE", "day"),
    ("Harga naik tahun ini.", "tahun ini", "2024", "DATE", "year"),
    ("Harga naik tahun lalu.", "tahun lalu", "2023", "DATE", "year"),
    ("Harga turun awal tahun depan.", "awal tahun depan", "2025", "DATE", "year"),
    ("Harga naik pada Maret lalu.", "Maret lalu", "2024-03", "DATE", "month"),
    ("Harga naik pada Desember lalu.", "Desember lalu", "2023-12", "DATE", "month"),
    ("Pemilu digelar Juni mendatang.", "Juni mendatang", "2024-06", "DATE", "month"),
    ("Saat ini harga turun.", "Saat ini", "PRESENT_REF", "DATE", "ref"),
    ("Harga kini turun.", "kini", "PRESENT_REF", "DATE", "ref"),
    ("Harga naik beberapa waktu lalu.", "beberapa waktu lalu", "PAST_REF", "DATE", "ref"),
    ("Perayaan Natal berlangsung meriah.", "Natal", "2024-12-25", "DATE", "day"),
    ("Musim dingin tahun ini berat.", "Musim dingin tahun ini", "2024-WI", "DATE", "season"),
    # times
    ("Ledakan terjadi pukul 14.00 WIB.", "pukul 14.00 WIB", "2024-04-04T14:00", "TIME", "time"),
    ("Ledakan terjadi pukul 8 malam.", "pukul 8 malam", "2024-04-04T20:00", "TIME", "time"),
    ("Ledakan terjadi sekitar pukul 07.30 WITA.", "sekitar pukul 07.30 WITA", "2024-04-04T07:30", "TIME", "time"),
    ("Rapat digelar Rabu (3/4) pukul 19.30 WIB.", "Rabu (3/4) pukul 19.30 WIB", "2024-04-03T19:30", "TIME", "time"),
    ("Rapat digelar Rabu malam.", "Rabu malam", "2024-04-03TNI", "TIME", "time"),
    ("Ledakan terdengar tadi malam.", "tadi malam", "2024-04-03TNI", "TIME", "time"),
    ("Harga turun pagi ini.", "pagi ini", "2024-04-04TMO", "TIME", "time"),
    ("Berita itu terbit 7 Feb 2015 20:15.", "7 Feb 2015 20:15", "2015-02-07T20:15", "TIME", "time"),
    # durations
    ("Ia menunggu selama sejam.", "sejam", "PT1H", "DURATION", "duration"),
    ("Ia menunggu dua pekan.", "dua pekan", "P2W", "DURATION", "duration"),
    ("Ia menunggu 30 menit.", "30 menit", "PT30M", "DURATION", "duration"),
    ("Ia ditahan 1,5 tahun.", "1,5 tahun", "P1.5Y", "DURATION", "duration"),
    ("Ia ditahan setengah jam.", "setengah jam", "PT30M", "DURATION", "duration"),
    ("Ia ditahan setengah tahun.", "setengah tahun", "P6M", "DURATION", "duration"),
    ("Pria berusia 45 tahun itu ditangkap.", "45 tahun", "P45Y", "DURATION", "duration"),
    ("Harga naik dalam tiga tahun terakhir.", "tiga tahun terakhir", "P3Y", "DURATION", "duration"),
    ("Mereka menunggu berbulan-bulan.", "berbulan-bulan", "PXM", "DURATION", "duration"),
    ("Mereka menunggu beberapa hari.", "beberapa hari", "PXD", "DURATION", "duration"),
    ("Ia terbang 20.000 jam.", "20.000 jam", "PT20000H", "DURATION", "duration"),
    # sets
    ("Ia berlatih setiap hari.", "setiap hari", "P1D", "SET", "set"),
    ("Pasar buka setiap Senin.", "setiap Senin", "XXXX-WXX-1", "SET", "set"),
    ("Obat diminum tiga kali sehari.", "tiga kali sehari", "P1D", "SET", "set"),
])
def test_forms(text, expression, value, type_, granularity):
    t = only(text)
    assert (t.text, t.value, t.type, t.granularity) == (expression, value, type_, granularity)
    assert text[t.start:t.end] == t.text


def test_year_then_year_earlier_resolves_against_the_year_read():
    assert found("Pada 2012, konsumsi naik dibanding setahun sebelumnya.") == [
        ("2012", "2012"), ("setahun sebelumnya", "2011")]


def test_that_day_refers_back_to_the_last_day_mentioned():
    assert found("Senin (1/4) ia datang. Hari itu hujan.") == [("Senin (1/4)", "2024-04-01"), ("Hari itu", "2024-04-01")]


def test_clock_time_takes_the_day_of_its_sentence():
    assert found("Senin (1/4) polisi tiba, lalu pukul 10.00 WIB ia ditangkap.")[-1] == ("pukul 10.00 WIB", "2024-04-01T10:00")


def test_day_word_and_bracketed_date_are_one_expression():
    assert found("Data dirilis kemarin (3/4) sore.")[0][0].startswith("kemarin (3/4)")


def test_bare_weekday_repeats_the_explicit_date_given_earlier():
    text = "Pertemuan digelar Jumat (5/4/2024). Pedagang menunggu pertemuan Jumat."
    assert [v for _, v in found(text)] == ["2024-04-05", "2024-04-05"]


def test_bracketed_date_without_year_takes_the_year_where_the_weekday_fits():
    assert only("Rapat digelar Senin (30/12).", "2025-01-02").value == "2024-12-30"


def test_day_and_month_without_year_takes_the_nearest_year():
    assert only("Rapat digelar 5 Januari.", "2024-12-29").value == "2025-01-05"
    assert only("Rapat digelar 20 Agustus.", "2024-12-29").value == "2024-08-20"


# --- bad input: nothing invented ----------------------------------------------------

@pytest.mark.parametrize("text", ["31 Februari 2024", "29 Februari 2023", "30 Februari"])
def test_impossible_dates_keep_their_span_without_a_value(text):
    t = only(f"Surat itu bertanggal {text}.")
    assert t.text == text and t.value is None


def test_leap_day_is_a_date():
    assert only("Lahir 29 Februari 2024.").value == "2024-02-29"


@pytest.mark.parametrize("text", [
    "Pesawat AirAsia QZ8501 hilang kontak.", "Penerbangan QZ 8501 dari Surabaya.", "Penerbangan GA 2014 tertunda.",
    "Sebanyak 20.000 orang hadir.", "Harganya Rp 2.015 per liter.", "Sebanyak 2000 orang mengungsi.",
    "Ada 1999 unit rumah rusak.", "Dokumen nomor 2015 hilang.", "Harga mencapai 2010 dollar AS.",
    "Skor akhir 13/14/2024 tidak sah.", "Rasio (45/2) itu salah.", "Mereka datang pukul 25.00.",
    "Jan Ethes bermain di taman.", "Kita abaikan dulu soal itu.", "Minyak 1 juta barel per hari.",
])
def test_numbers_codes_and_names_are_not_dates(text):
    assert found(text) == []


def test_lower_case_minggu_after_a_number_is_a_week_duration():
    assert found("Ia dirawat dua Minggu.") == [("dua Minggu", "P2W")]


def test_without_publication_date_relative_values_stay_empty_but_absolute_ones_resolve():
    assert found("Ia datang kemarin, lalu 3 April 2024 pergi.", None) == [("kemarin", None), ("3 April 2024", "2024-04-03")]
    assert found("Ia datang kemarin.", "bukan tanggal") == [("kemarin", None)]


def test_publication_as_datetime_or_date():
    assert found("Ia datang kemarin.", datetime(2024, 4, 4, 9, 0)) == [("kemarin", "2024-04-03")]
    assert found("Ia datang kemarin.", date(2024, 4, 4)) == [("kemarin", "2024-04-03")]


def test_empty_and_odd_text():
    assert found("") == []
    assert found("((((//// 2024-13-45 :: pukul")[0:1] in ([], [("2024", "2024")])


def test_a_sentence_of_two_thousand_words_is_handled_quickly():
    text = " ".join(["harga minyak naik 20.000 dollar pada 2014 dan kemarin"] * 250)
    began = time.perf_counter()
    times = find_times(text, PUB)
    assert time.perf_counter() - began < 2.0
    assert len(times) == 500 and all(text[t.start:t.end] == t.text for t in times)


def test_offsets_index_the_text():
    text = "JAKARTA, Senin (1/4/2024) — Rapat pukul 14.00 WIB, sepekan setelah 3 Maret lalu dan 2 tahun terakhir."
    for t in find_times(text, PUB):
        assert text[t.start:t.end] == t.text


# --- date_for_span ------------------------------------------------------------------

def test_event_takes_the_day_in_its_sentence():
    text = "Menteri bertemu Presiden Senin (1/4) pukul 10.00 WIB di Istana."
    times = find_times(text, PUB)
    assert date_for_span(times, 0, len(text), PUB) == ("2024-04-01", False)


def test_event_without_a_date_takes_the_publication_day_flagged():
    text = "Menteri bertemu Presiden di Istana."
    assert date_for_span(find_times(text, PUB), 0, len(text), PUB) == ("2024-04-04", True)
    assert date_for_span([], 0, len(text), None) == (None, True)


def test_event_prefers_a_day_over_a_year_and_ignores_references_and_other_sentences():
    text = "Kemarin harga naik. Pada 2012 dan saat ini, menteri menuduh Rusia pada Senin (1/4)."
    times = find_times(text, PUB)
    second = text.index("Pada")
    assert date_for_span(times, second, len(text), PUB) == ("2024-04-01", False)
    assert date_for_span(times, second, text.index(", menteri"), PUB) == ("2012", False)


def test_event_takes_the_nearest_date_before_its_trigger():
    text = "Setelah bertemu Senin (1/4), menteri menuduh Rusia Rabu (3/4) dan pergi."
    times = find_times(text, PUB)
    assert date_for_span(times, 0, len(text), PUB, trigger=text.index("menuduh")) == ("2024-04-01", False)
    assert date_for_span(times, 0, len(text), PUB, trigger=text.index("pergi")) == ("2024-04-03", False)


def test_month_range_shares_the_year_written_after_it():
    assert found("Harga pada Juni-Juli 2014 tinggi.", "2016-01-10") == [("Juni", "2014-06"), ("Juli 2014", "2014-07")]


def test_clock_time_in_a_later_sentence_of_the_paragraph_takes_the_day_named_there():
    text = "Pesawat hilang Minggu (28/12/2014) pagi. Pesawat lepas landas pukul 05.35 WIB.\nRapat pukul 10.00 WIB."
    assert [v for _, v in found(text, "2014-12-30")] == ["2014-12-28TMO", "2014-12-28T05:35", "2014-12-30T10:00"]


def test_numeric_publication_stamp_is_one_time():
    assert found("Ferdian 07/2/2023 16:33 Menlu tiba.") == [("07/2/2023 16:33", "2023-02-07T16:33")]


def test_a_weekday_named_twice_is_the_same_day():
    text = "Ia tiba Selasa pagi. Ia akan bertemu menteri pada hari Selasa."
    assert [v for _, v in found(text)] == ["2024-04-02TMO", "2024-04-02"]


def test_bracketed_date_keeps_its_trailing_kemarin():
    assert found("Pesawat hilang Minggu (31/3) kemarin.") == [("Minggu (31/3) kemarin", "2024-03-31")]


def test_part_of_day_alone_is_a_time_on_the_day_last_named():
    assert found("Senin (1/4) pencarian berlangsung hingga sore hari.") == [
        ("Senin (1/4)", "2024-04-01"), ("sore hari", "2024-04-01TAF")]


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_calendar_edges_keep_spans_without_inventing(published):
    times = find_times("Ia datang besok, kemarin, tahun depan dan 3 hari lalu.", published)
    assert len(times) == 4  # no crash; values beyond the calendar are None


def test_random_mixtures_of_calendar_words_never_crash():
    import random
    words = ("Senin Selasa Minggu minggu ( ) / , . - 12 2014 31 02 1/2 (3/4) pukul 14.00 WIB kemarin lalu depan ini itu "
             "tahun bulan pekan hari se dua beberapa setiap akhir awal Januari Februari kuartal III semester I malam "
             "pagi 20.000 QZ8501 Rp 1990-an sejak hingga tanggal jam 25.99 Natal musim dingin").split()
    rng = random.Random(7)
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 25)))
        for t in find_times(text, "2024-04-04"):
            assert text[t.start:t.end] == t.text and t.type in ("DATE", "TIME", "DURATION", "SET")


def test_thousands_of_expressions_take_linear_time():
    text = "Senin (1/4) pukul 14.00 WIB dua tahun lalu " * 2000
    began = time.perf_counter()
    assert len(find_times(text, PUB)) == 4000
    assert time.perf_counter() - began < 5.0


def test_a_bare_year_after_the_trigger_names_a_thing_and_does_not_date_the_event():
    text = "Kedua menteri menyerukan semua pihak menghormati konvensi hukum laut (UNCLOS) 1982."
    times = find_times(text, PUB)
    assert any(t.text == "1982" for t in times)   # still a time expression of the article
    assert date_for_span(times, 0, len(text), PUB, trigger=text.index("menyerukan")) == ("2024-04-04", True)
    before = "Pada 2016 Amerika Serikat meminta Tiongkok mematuhi putusan itu."
    assert date_for_span(find_times(before, PUB), 0, len(before), PUB,
                         trigger=before.index("meminta")) == ("2016", False)
