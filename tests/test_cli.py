from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app

runner = CliRunner()


def test_every_command_has_help() -> None:
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0
    for name, cmd in app.registered_commands and [(c.name or c.callback.__name__, c) for c in app.registered_commands]:
        assert cmd.callback.__doc__, name
        assert runner.invoke(app, [name.rstrip("_"), "--help"]).exit_code == 0


def test_inspect_json_contract(seed_page) -> None:
    res = runner.invoke(app, ["inspect", str(seed_page), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert len(data["articles"]) == 8
    a = data["articles"][0]
    assert isinstance(a["sentences"], list) and a["sentences"][0].startswith("从自主学习")
    assert a["source"] == "新华社"


def test_make_writes_an_apkg(tmp_path: Path, seed_feature) -> None:
    res = runner.invoke(app, ["make", str(seed_feature), "--deck", "anki", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    apkgs = list(tmp_path.glob("*.apkg"))
    assert len(apkgs) == 1
    assert "collection.anki2" in zipfile.ZipFile(apkgs[0]).namelist()


def test_stdin_is_read(tmp_path: Path) -> None:
    res = runner.invoke(app, ["inspect", "-", "--json"], input="人工智能正在深刻改变人类生产生活方式。".encode())
    assert res.exit_code == 0
    assert json.loads(res.stdout)["articles"][0]["sentences"] == ["人工智能正在深刻改变人类生产生活方式。"]


@pytest.mark.parametrize("content,needle", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    (b"hello world, no Chinese here", "no Chinese"),
])
def test_bad_input_is_one_line_nonzero_and_writes_nothing(tmp_path: Path, content: bytes, needle: str) -> None:
    f = tmp_path / "in.txt"
    f.write_bytes(content)
    out = tmp_path / "out"
    res = runner.invoke(app, ["make", str(f), "--out", str(out)])
    assert res.exit_code != 0
    assert needle in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert "Traceback" not in res.output
    assert not list(out.glob("*")) if out.exists() else True


def test_missing_file(tmp_path: Path) -> None:
    res = runner.invoke(app, ["make", str(tmp_path / "nope.txt"), "--out", str(tmp_path)])
    assert res.exit_code != 0 and "no such file" in res.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_output_folder(tmp_path: Path, seed_feature) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    res = runner.invoke(app, ["make", str(seed_feature), "--out", str(locked)])
    assert res.exit_code != 0 and "cannot write" in res.stderr


def test_output_path_that_is_a_file(tmp_path: Path, seed_feature) -> None:
    blocker = tmp_path / "decks"
    blocker.write_text("not a folder")
    res = runner.invoke(app, ["make", str(seed_feature), "--out", str(blocker / "sub")])
    assert res.exit_code != 0 and "cannot write" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_bad_file_in_a_folder_is_skipped(tmp_path: Path, seed_feature) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_bytes(seed_feature.read_bytes())
    (d / "b.txt").write_bytes(b"")
    res = runner.invoke(app, ["make", str(d), "--out", str(tmp_path / "out"), "--format", "json"])
    assert res.exit_code == 0
    assert "b.txt" in res.stderr
    assert list((tmp_path / "out").glob("a-*.json"))
