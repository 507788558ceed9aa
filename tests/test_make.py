from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from quizgen.cli import app

runner = CliRunner()

ARTICLE = ("数字人民币APP上架手机应用商店\n"
           "1月4日，数字人民币（试点版）APP在各大手机应用商店正式上架。"
           "来自应用商店的公开信息显示，该APP的开发者为中国人民银行数字货币研究所。"
           "目前，APP内的账户注册功能仅限于10个试点城市的用户。\n")


def _folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "b.txt").write_bytes(ARTICLE.replace("10个", "23个").encode("gb18030"))
    (d / "c.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    return d


def test_jobs_give_the_same_files_as_one_process(tmp_path: Path) -> None:
    d = _folder(tmp_path)
    r1 = runner.invoke(app, ["make", str(d), "--format", "json", "--out", str(tmp_path / "o1"), "--jobs", "1"])
    r2 = runner.invoke(app, ["make", str(d), "--format", "json", "--out", str(tmp_path / "o2"), "--jobs", "2"])
    assert r1.exit_code == 0 and r2.exit_code == 0, r1.output + r2.output
    names1 = sorted(p.name for p in (tmp_path / "o1").iterdir())
    names2 = sorted(p.name for p in (tmp_path / "o2").iterdir())
    assert names1 == names2 and len(names1) == 2
    for n in names1:
        assert (tmp_path / "o1" / n).read_bytes() == (tmp_path / "o2" / n).read_bytes()
    assert "c.txt" in r2.stderr and "binary" in r2.stderr  # the bad file is reported and skipped


def test_a_folder_of_only_bad_files_fails(tmp_path: Path) -> None:
    d = tmp_path / "bad"
    d.mkdir()
    (d / "x.txt").write_bytes(b"")
    (d / "y.txt").write_text("no Chinese here", encoding="utf-8")
    res = runner.invoke(app, ["make", str(d), "--out", str(tmp_path / "o")])
    assert res.exit_code != 0
    assert "none of the 2 files" in res.stderr
    assert not any((tmp_path / "o").iterdir())
