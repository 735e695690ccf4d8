"""Text boxes in DOCX. Word writes a text box as mc:AlternateContent: the DrawingML shape
(mc:Choice, wps:txbx/w:txbxContent) and its VML fallback (mc:Fallback, v:textbox/w:txbxContent),
the same paragraphs twice; older producers write the VML alone. A text box's paragraphs are read
once, as paragraphs of their own where the box is anchored, not as text of the anchoring paragraph.
(Before, the anchor's text took the box's text twice: "六、几点建议" + the first paragraph + the same
again, which cost a heading, made empty-section and copy findings, 99.0 % / 99.7 % on the corpus.)"""

from __future__ import annotations

from conftest import SAMPLES, findings_of, plain_copy, variants
from docx import Document
from lxml import etree

from checker.model import Paragraph
from checker.read.docx import from_body, read_docx, run_spans, run_text

SAMPLE = SAMPLES / "culture-2022-faults.docx"
WNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{WNS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')


def _reading(doc):
    return [(b.text, b.page) if isinstance(b, Paragraph) else [(c.row, c.col, c.text) for c in b.cells]
            for b in doc.blocks]



def test_report_with_text_boxes_reads_and_checks_like_the_plain_report(tmp_path):
    doc = Document(str(SAMPLE))
    variants().textbox(doc)
    boxed = tmp_path / SAMPLE.name
    doc.save(str(boxed))
    assert len(list(doc.element.body.iter(f"{{{WNS}}}txbxContent"))) >= 8  # Word's boxes twice, VML ones once
    plain = plain_copy(tmp_path, SAMPLE)
    assert _reading(read_docx(boxed)) == _reading(read_docx(plain))
    expected = findings_of(plain)
    assert len([f for f in expected if f[1] == "error"]) >= 3
    assert findings_of(boxed) == expected


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _word_box(*paras: str) -> str:
    inner = "".join(_p(t) for t in paras)
    return (f"<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>"
            f"<w:txbxContent>{inner}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
            f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox>"
            f"</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def _vml_box(*paras: str) -> str:
    inner = "".join(_p(t) for t in paras)
    return f"<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"


def _read(body_xml: str):
    body = etree.fromstring(f"<w:body {NS}>{body_xml}</w:body>")
    return from_body("t.docx", body), body


def _texts(doc):
    return [b.text if isinstance(b, Paragraph) else [c.text for c in b.cells] for b in doc.blocks]


def test_word_text_box_is_read_once_after_its_anchor():
    doc, body = _read(f"<w:p><w:r><w:t>一、项目概况</w:t></w:r>{_word_box('项目年初预算50万元。', '全年支出45万元。')}</w:p>"
                      + _p("二、绩效目标"))
    assert _texts(doc) == ["一、项目概况", "项目年初预算50万元。", "全年支出45万元。", "二、绩效目标"]
    anchor = body[0]
    assert run_text(anchor) == "一、项目概况"  # what a Word comment on the anchor quotes
    assert [(a, b) for _, a, b in run_spans(anchor)] == [(0, 6)]


def test_text_box_anchored_in_an_empty_paragraph_and_vml_only_boxes():
    doc, _ = _read(f"<w:p>{_word_box('蓉溪县文化馆', '2023年3月20日')}</w:p><w:p>{_vml_box('附件')}</w:p>")
    assert _texts(doc) == ["蓉溪县文化馆", "2023年3月20日", "附件"]


def test_fallback_is_read_when_the_choice_shows_no_text():
    xml = ("<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"w99\"><w:drawing/></mc:Choice>"
           "<mc:Fallback><w:t>合计100万元</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>")
    doc, _ = _read(xml)
    assert _texts(doc) == ["合计100万元"]


def test_text_box_in_a_table_cell_is_the_cell_s_text_once():
    xml = ("<w:tbl><w:tr><w:tc>" + _p("得分") + "</w:tc><w:tc>"
           f"<w:p><w:r><w:t>9.5</w:t></w:r>{_word_box('（按执行率计算）')}</w:p></w:tc></w:tr></w:tbl>")
    doc, _ = _read(xml)
    assert [c.raw for c in doc.blocks[0].cells] == ["得分", "9.5\n（按执行率计算）"]


def test_text_boxes_nested_without_end_stay_bounded():
    inner = "最内层"
    for i in range(40):  # Word never nests text boxes; a hostile file may
        inner = f"<w:p><w:r><w:t>第{i}层</w:t></w:r><w:r><w:pict><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></w:pict></w:r></w:p>"
    doc, _ = _read(inner)
    texts = _texts(doc)
    assert texts[0] == "第39层" and 2 <= len(texts) <= 5 and "最内层" not in texts


def test_page_break_inside_a_text_box_is_counted_once():
    brk = '<w:p><w:r><w:br w:type="page"/><w:t>第二页</w:t></w:r></w:p>'
    box = ("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><wps:txbx><w:txbxContent>" + brk
           + "</w:txbxContent></wps:txbx></mc:Choice><mc:Fallback><v:textbox><w:txbxContent>" + brk
           + "</w:txbxContent></v:textbox></mc:Fallback></mc:AlternateContent></w:r>")
    doc, _ = _read(f"<w:p><w:r><w:t>第一页</w:t></w:r>{box}</w:p>" + _p("仍在第二页"))
    assert [(b.text, b.page) for b in doc.blocks] == [("第一页", 1), ("第二页", 1), ("仍在第二页", 2)]


def test_tracked_deletion_is_still_not_read():
    doc, _ = _read("<w:p><w:r><w:t>预算</w:t></w:r><w:del><w:r><w:t>50</w:t></w:r></w:del>"
                   f"<w:ins><w:r><w:t>45</w:t></w:r></w:ins><w:r><w:t>万元</w:t></w:r>{_vml_box('注')}</w:p>")
    assert _texts(doc) == ["预算45万元", "注"]
