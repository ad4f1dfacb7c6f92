"""The shipped word lists and tables: one reader, and every file says where its entries come from."""

from __future__ import annotations

import pytest

from eventdesk.data import DATA, lines, rows

WORD_FILES = sorted(p for p in DATA.rglob("*") if p.suffix in (".txt", ".tsv"))


def test_there_are_word_lists_to_check():
    assert len(WORD_FILES) > 40


@pytest.mark.parametrize("path", WORD_FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_every_word_list_opens_with_a_header_saying_where_it_comes_from(path):
    first = path.read_text(encoding="utf-8").lstrip("\ufeff").splitlines()[0]
    # a bare "#" or a column list is no source; the header says what the entries are and whence
    assert first.startswith("#") and len(first.strip("# \t")) >= 15, first


def test_lines_and_rows_skip_headers_and_blanks_and_keep_order(tmp_path, monkeypatch):
    import eventdesk.data as data

    (tmp_path / "w.tsv").write_text("# from a test\n\nfirst\tA|B  \n  second \n#later comment\nthird\n")
    monkeypatch.setattr(data, "DATA", tmp_path)
    data.lines.cache_clear()
    data.rows.cache_clear()
    try:
        assert data.lines("w.tsv") == ("first\tA|B", "second", "third")
        # cells as written: the trailing spaces of "A|B  " stay, only the line end goes
        assert data.rows("w.tsv") == (("first", "A|B  "), ("  second ",), ("third",))
    finally:
        data.lines.cache_clear()
        data.rows.cache_clear()


def test_a_real_list_reads_the_same_way_every_stage_sees_it():
    assert "said" not in lines("dates/past_auxiliaries.txt")
    assert {"was", "had"} <= {w.lower() for w in lines("dates/past_auxiliaries.txt")}
    stages = dict(r for r in rows("merge/legal_stages.tsv"))
    assert stages and all("|" in forms or forms.strip() for forms in stages.values())
