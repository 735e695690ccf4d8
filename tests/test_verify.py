"""Verification of findings that rest on OCR'd text (checker/verify.py): known confusions, the
form of figures, re-reads. Fast: the re-reader is replaced by a stub, no OCR models are run."""

from __future__ import annotations

from checker.check.registry import Finding
from checker.model import Cell, Document, Loc, OcrWord, Page, Paragraph, Table
from checker.read.ocr.reread import Reread
from checker.verify import badly_formed, explains, verify_findings


def test_known_confusions_explain_a_difference():
    assert "形状" in explains("项目资金（万元）", "项目资金(万元)")
    assert "形近" in explains("岚江县交通局", "岚江具交通局")
    assert "重复" in explains("养护护工程", "养护工程")
    assert "数字" in explains("12345.60", "1245.60")  # a digit lost from the figure
    assert "形近" in explains("98.47", "93.47")  # 8 and 3 on a blurred scan
    assert "小数点" in explains("2,289.71", "2.289,71")
    assert "小数点" in explains("2289,71", "2289.71")


def test_real_differences_are_not_explained():
    assert explains("2475.08", "2475.28") is None  # 0 and 2: not look-alike in the data
    assert explains("1206.09", "1216.09") is None
    assert explains("0.9213", "0.9312") is None  # transposed digits
    assert explains("岚江县交通运输局", "岚江县水利局") is None


def test_form_of_figures():
    assert badly_formed("1,234,567.00") is None
    assert badly_formed("2475.08") is None
    assert badly_formed("1,23,456") and badly_formed("12,34.5") and badly_formed("1,2345.00")


def _doc() -> Document:
    words = [
        OcrWord(bbox=(100, 100, 400, 115), text="全年预算2475.18万元，实际", raw="全年预算2475.18万元，实际",
                confidence=0.96, weakest=0.41,
                chars=(0.99,) * 4 + (0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.41) + (0.99,) * 5),
        OcrWord(bbox=(100, 130, 400, 145), text="项目实际支出1206.09万元", raw="项目实际支出1206.09万元",
                confidence=0.99, weakest=0.97, chars=(0.99,) * 15),
        OcrWord(bbox=(305, 205, 345, 215), text="2298.71", raw="2298.71", confidence=0.99, weakest=0.98,
                chars=(0.99,) * 7, in_table=True),
    ]
    page = Page(number=1, width=595, height=842, scanned=True, ocr=True, ocr_confidence=0.97, words=words)
    p1 = Paragraph(index=0, raw="全年预算2475.18万元，实际", text="全年预算2475.18万元，实际", page=1,
                   bbox=(90, 95, 410, 120))
    p2 = Paragraph(index=1, raw="项目实际支出1206.09万元", text="项目实际支出1206.09万元", page=1,
                   bbox=(90, 125, 410, 150))
    cells = [Cell(row=0, col=0, raw="合计", text="合计", page=1, bbox=(100, 200, 300, 220)),
             Cell(row=0, col=1, raw="2298.71", text="2298.71", page=1, bbox=(300, 200, 350, 220)),
             Cell(row=0, col=2, raw="", text="", page=1, bbox=(350, 200, 420, 220))]
    t = Table(index=0, cells=cells, n_rows=1, n_cols=3, pages=[1])
    doc = Document(source="x.scan.pdf", format="pdf", pages=[page, Page(number=2)], blocks=[p1, p2, t])
    doc.renumber()
    return doc


def _reread(readings: dict):
    """A stub re-reader: the readings per box (by its left edge), and ink for empty cells."""
    def reread(path, page, size, rotation, skew, boxes):
        return [Reread(texts=readings.get(round(b[0]), []), ink=5.0 if round(b[0]) == 350 else 0.0) for b in boxes]
    return reread


def test_a_finding_on_a_misreading_becomes_info_quoting_both_readings():
    doc = _doc()
    f = Finding(rule="PC601", category="mismatch", severity="error",
                message="正文所述预算数 2475.18万元 与资金表合计预算数 2475.08 不一致", expected="2475.08",
                found="2475.18万元", locations=[Loc.of_paragraph(doc.paragraphs[0])])
    out = verify_findings([f], doc, "x.scan.pdf", reread=_reread({100: ["全年预算2475.08万元，实际"]}))
    g = out[0]
    assert g.severity == "info" and g.category == "mismatch" and g.found == "2475.18万元"
    assert g.message.startswith("可能为 OCR 误读") and "2475.18" in g.message and "2475.08" in g.message
    assert g.locations[0].ocr and g.locations[0].to_dict()["ocr"] is True
    assert f.severity == "error"  # the rule's finding itself is not changed


def test_a_confirmed_reading_keeps_its_severity():
    doc = _doc()
    f = Finding(rule="PC601", category="mismatch", severity="error",
                message="正文所述实际支出 1206.09万元 与资金表合计实际支出 2298.71 不一致", expected="2298.71",
                found="1206.09万元", locations=[Loc.of_paragraph(doc.paragraphs[1]),
                                                Loc.of_cell(doc.tables[0], doc.tables[0].cells[1])])
    same = _reread({100: ["项目实际支出1206.09万元"], 305: ["2298.71"]})
    g = verify_findings([f], doc, "x.scan.pdf", reread=same)[0]
    assert g.severity == "error" and "已复读核实" in g.hint
    assert all(loc.ocr for loc in g.locations)
    # the same finding when one re-read of the cell disagrees
    other = _reread({100: ["项目实际支出1206.09万元"], 305: ["2298.71", "2296.71"]})
    g = verify_findings([f], _doc(), "x.scan.pdf", reread=other)[0]
    assert g.severity == "info" and "2296.71" in g.message


def test_an_empty_cell_with_ink_was_not_read():
    doc = _doc()
    t = doc.tables[0]
    f = Finding(rule="PC901", category="missing", severity="warning", message="偏差原因分析为空",
                expected="填写", found="（空）", locations=[Loc.of_cell(t, t.cells[2])])
    g = verify_findings([f], doc, "x.scan.pdf", reread=_reread({}))[0]
    assert g.severity == "info" and "可能为 OCR 误读" in g.message


def test_findings_off_the_scanned_pages_are_untouched():
    doc = _doc()
    f = Finding(rule="PC101", category="sum", severity="error", message="m", locations=[Loc(page=2)])
    g = verify_findings([f], doc, "x.scan.pdf", reread=_reread({}))[0]
    assert g is f and g.severity == "error" and not g.locations[0].ocr


def test_ocr_quotes_are_marked_in_text_outputs():
    from checker.report.markdown import location_text

    loc = Loc(page=3, paragraph=1, text="全年预算2475.08万元", ocr=True)
    assert "〔OCR〕" in location_text(loc)
    assert "〔OCR〕" not in location_text(Loc(page=3, paragraph=1, text="全年预算2475.08万元"))


def _indicator_doc(target: str) -> Document:
    """A scanned indicator table: targets with comparators, one target as read (`target`)."""
    rows = [("≥120件", "84件", "10", "7"), ("≥3座", "3座", "5", "5"), ("=100%", "100%", "5", "5"),
            (target, "8年", "10", "10"), ("≥90%", "93.6%", "10", "10")]
    cells, words = [], []
    for r, vals in enumerate(rows):
        for c, v in enumerate(vals):
            box = (100.0 + 60 * c, 100.0 + 20 * r, 160.0 + 60 * c, 120.0 + 20 * r)
            cells.append(Cell(row=r, col=c, raw=v, text=v, page=1, bbox=box))
            inner = (box[0] + 5, box[1] + 4, box[2] - 5, box[3] - 4)
            words.append(OcrWord(bbox=inner, text=v, raw=v, confidence=0.99, weakest=0.99, chars=(0.99,) * len(v),
                                 in_table=True))
    t = Table(index=0, cells=cells, n_rows=len(rows), n_cols=4, pages=[1])
    page = Page(number=1, width=595, height=842, scanned=True, ocr=True, ocr_confidence=0.98, words=words)
    doc = Document(source="x.scan.pdf", format="pdf", pages=[page], blocks=[t])
    doc.renumber()
    return doc


def test_a_comparator_read_as_a_digit_is_doubted():
    doc = _indicator_doc("28年")  # "≥8年" as the recogniser read it
    t = doc.tables[0]
    f = Finding(rule="PC403", category="score", severity="error", message="目标 28年，实际 8年，未达成却得满分 10",
                expected="< 10", found="10", locations=[Loc.of_cell(t, t.at(3, 3))])
    same = _reread({})  # the re-reads see nothing new: the column alone raises the doubt
    g = verify_findings([f], doc, "x.scan.pdf", reread=same)[0]
    assert g.severity == "info" and "≥8年" in g.message and "28年" in g.message
    # a target that really reads 28 (the column carries no comparators) stands
    doc = _indicator_doc("28年")
    for c in doc.tables[0].cells:
        c.text = c.text.lstrip("≥=")
    f.locations = [Loc.of_cell(doc.tables[0], doc.tables[0].at(3, 3))]
    g = verify_findings([f], doc, "x.scan.pdf", reread=same)[0]
    assert g.severity == "error"


def test_a_figure_with_a_stray_decimal_in_its_column_is_doubted_when_unsure():
    doc = _indicator_doc("≥8年")
    t = doc.tables[0]
    for r, v in enumerate(["7.35", "4.83", "9.291", "9.29", "8.50"]):
        cell = t.at(r, 3)
        cell.text = cell.raw = v
        w = doc.pages[0].words[r * 4 + 3]
        w.text = w.raw = v
        w.chars = (0.99,) * (len(v) - 1) + (0.7,)  # the last digit is a speck the recogniser was unsure of
        w.weakest = 0.7
    f = Finding(rule="PC105", category="sum", severity="error", message="总分 39.27 与各项得分之和不符",
                expected="39.261", found="39.27", locations=[Loc.of_cell(t, t.at(2, 3))])
    g = verify_findings([f], doc, "x.scan.pdf", reread=_reread({}))[0]
    assert g.severity == "info" and "小数位数" in g.hint


def test_boxes_on_a_turned_page_are_placed_as_filed():
    """The reader measures a page fed sideways after turning it upright; the finding's boxes (and
    their context boxes) are moved to where they are on the page in the file, on new Loc objects."""
    doc = _doc()
    page = doc.pages[0]
    page.rotation, page.width, page.height = 90, 842, 595  # filed as a 595 × 842 page, turned clockwise
    t = doc.tables[0]
    loc = Loc.of_cell(t, t.cells[1])
    f = Finding(rule="PC101", category="sum", severity="info", message="m", locations=[loc])
    g = verify_findings([f], doc, "x.scan.pdf", reread=_reread({}))[0]
    # upright (300, 200)-(350, 220) on an 842-wide page: in the file, x = y, y = 842 - x
    assert g.locations[0].bbox == (200, 492, 220, 542)
    assert g.locations[0].context == ((200, 542, 220, 742),)
    assert loc.bbox == (300, 200, 350, 220)  # the rule's location is not changed
    assert g.to_dict()["locations"][0]["bbox"] == [200, 492, 220, 542]


def test_a_cell_read_as_a_lone_symbol_is_no_reading():
    """A score "7" the recogniser read as "？": the finding resting on that cell is doubtful (info),
    even when the re-reads return the same symbol; a deliberate "—" is a reading like any other."""
    doc = _doc()
    t = doc.tables[0]
    page = doc.pages[0]
    page.words.append(OcrWord(bbox=(360, 204, 372, 216), text="？", raw="？", confidence=0.62, weakest=0.62,
                              chars=(0.62,), in_table=True))
    t.cells[2] = Cell(row=0, col=2, raw="？", text="？", page=1, bbox=(350, 200, 420, 220))
    f = Finding(rule="PC904", category="missing", severity="warning", message="得分栏填写“？”，不是分数",
                expected="填写得分", found="？", locations=[Loc.of_cell(t, t.cells[2])])
    g = verify_findings([f], doc, "x.scan.pdf", reread=_reread({360: ["？"]}))[0]
    assert g.severity == "info" and "符号" in g.hint
    # the same cell holding a dash the form meant: not doubted for being a symbol
    doc2 = _doc()
    t2 = doc2.tables[0]
    doc2.pages[0].words.append(OcrWord(bbox=(360, 204, 372, 216), text="—", raw="—", confidence=0.99, weakest=0.99,
                                       chars=(0.99,), in_table=True))
    t2.cells[2] = Cell(row=0, col=2, raw="—", text="—", page=1, bbox=(350, 200, 420, 220))
    f2 = Finding(rule="PC904", category="missing", severity="warning", message="得分栏填写“—”",
                 expected="填写得分", found="—", locations=[Loc.of_cell(t2, t2.cells[2])])
    g2 = verify_findings([f2], doc2, "x.scan.pdf", reread=_reread({360: ["—"]}))[0]
    assert "符号" not in (g2.hint or "") + g2.message


def test_a_blank_reason_defers_only_to_a_finding_that_stands():
    """One fault, one finding: a blank deviation reason (PC901) is not repeated beside its row's own
    error. On a scan that error may turn into an OCR doubt (info) at verification; then it stands in
    for nothing and the blank reason is reported after all."""
    from dataclasses import replace

    from checker.check.registry import consolidate, drop_deferred

    def at(col):
        return [Loc(page=5, table=2, row=7, col=col)]

    score = Finding("PC405", "score", "error", "得分与完成比例不符", locations=at(7))
    reason = Finding("PC901", "missing", "warning", "偏差原因只写“无”", locations=at(8))
    assert [f.rule for f in consolidate([score, reason])] == ["PC405"]
    kept = consolidate([score, reason], defer=False)
    assert [f.rule for f in kept] == ["PC405", "PC901"]
    assert [f.rule for f in drop_deferred(kept)] == ["PC405"]
    doubted = [replace(score, severity="info"), reason]
    assert [f.rule for f in drop_deferred(doubted)] == ["PC405", "PC901"]
