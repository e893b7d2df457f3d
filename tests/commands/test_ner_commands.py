from click.testing import CliRunner

from warta.cli import cli

CONLL = ("Presiden\tO\nJoko\tB-PER\nWidodo\tI-PER\ntiba\tO\ndi\tO\nJakarta\tB-LOC\n.\tO\n\n"
         "Partai\tB-ORG\nGolkar\tI-ORG\nmenolak\tO\n.\tO\n")


def test_tag_appends_a_bio_column(tmp_path):
    path = tmp_path / "in.conll"
    path.write_text(CONLL)
    result = CliRunner().invoke(cli, ["tag", str(path)])
    assert result.exit_code == 0, result.output
    rows = [l.split("\t") for l in result.output.splitlines() if l.strip()]
    assert len(rows) == 11 and all(len(r) == 3 for r in rows)
    assert rows[1][-1] == "B-PER" and rows[2][-1] == "I-PER"
    assert all(r[-1] == "O" or r[-1][2:] in ("PER", "ORG", "LOC") for r in rows)


def test_tag_keeps_gpe_only_when_asked(tmp_path):
    path = tmp_path / "in.conll"
    path.write_text("Rusia\nmenyerang\nUkraina\n.\n")
    plain = CliRunner().invoke(cli, ["tag", str(path)]).output
    gpe = CliRunner().invoke(cli, ["tag", "--gpe", str(path)]).output
    assert "GPE" not in plain and "B-GPE" in gpe


def test_eval_ner_scores_per_type(tmp_path):
    path = tmp_path / "gold.conll"
    path.write_text(CONLL)
    result = CliRunner().invoke(cli, ["eval", "ner", str(path)])
    assert result.exit_code == 0, result.output
    assert "micro" in result.output and "PER" in result.output


def test_bad_input_gives_one_clear_error(tmp_path):
    empty = tmp_path / "empty.conll"
    empty.write_text("\n\n")
    result = CliRunner().invoke(cli, ["tag", str(empty)])
    assert result.exit_code != 0 and "no tokens" in result.output
    nogold = tmp_path / "nogold.conll"
    nogold.write_text("Jakarta\n")
    result = CliRunner().invoke(cli, ["eval", "ner", str(nogold)])
    assert result.exit_code != 0 and "gold tag" in result.output
