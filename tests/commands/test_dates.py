from __future__ import annotations

import json

from click.testing import CliRunner

from warta.cli import cli

DOC = """<TimeML><DOCID>d1</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2014-12-06">x</TIMEX3></DCT>
<TEXT>Harga turun <TIMEX3 tid="t1" type="DATE" value="2014-12-05">kemarin</TIMEX3> dan naik <TIMEX3 tid="t2"
type="DATE" value="2013">tahun lalu</TIMEX3>.</TEXT></TimeML>"""


def test_eval_dates_table_and_json(tmp_path):
    (tmp_path / "a.tml").write_text(DOC)
    result = CliRunner().invoke(cli, ["eval", "dates", str(tmp_path / "a.tml")])
    assert result.exit_code == 0, result.output
    assert "found (overlap) P / R / F1              1.000 / 1.000 / 1.000" in result.output
    result = CliRunner().invoke(cli, ["eval", "dates", str(tmp_path), "--format", "json"])
    report = json.loads(result.output)
    assert report["value_accuracy"] == 1.0 and report["gold"] == 2 and report["documents"] == 1


def test_eval_dates_without_gold_says_what_to_do(tmp_path):
    (tmp_path / "a.tml").write_text(DOC.replace("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2014-12-05\">kemarin</TIMEX3>", "kemarin")
                                    .replace("<TIMEX3 tid=\"t2\"\ntype=\"DATE\" value=\"2013\">tahun lalu</TIMEX3>", "x"))
    result = CliRunner().invoke(cli, ["eval", "dates", str(tmp_path / "a.tml")])
    assert result.exit_code != 0 and "--gold" in str(result.exception or result.output)


def test_eval_dates_rejects_non_timeml(tmp_path):
    (tmp_path / "a.tml").write_text("plain text")
    result = CliRunner().invoke(cli, ["eval", "dates", str(tmp_path / "a.tml")])
    assert result.exit_code != 0


def test_eval_dates_help():
    result = CliRunner().invoke(cli, ["eval", "dates", "--help"])
    assert result.exit_code == 0 and "TimeML" in result.output
