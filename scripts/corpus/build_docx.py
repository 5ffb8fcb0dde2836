#!/usr/bin/python3
"""Build the corpus .docx files from the JSON sources in corpus/src/.

Usage: build_docx.py [--renderings R,R --out FOLDER] SRC_DIR OUT_DIR [NAME ...]
Prints one line per .docx written: its path, a tab, and the corpus folder its
PDF belongs in ("seeds" or "bad", the source's "out").

Each source corpus/src/<name>.json describes one document as a list of
blocks (see corpus/README.md).  A source with "renderings": ["a", "b"] gives
<name>.a.docx and <name>.b.docx; the renderings differ only in typography
(font, size, alignment, hyphenation, bullet glyph, table borders, margins,
page footer), never in wording.

A directive source (corpus/src/directives/<name>.json, "out": "directives")
has its letter in "blocks" and an "appendices" list: each names a seed source
("src", relative to the directive source) that is appended in a new section
(new page, the seed's margins and bullets) opened by an approval stamp made
from its "approval" (KINNITATUD / authority / "dd.mm.yyyy käskkirjaga nr N" /
appendix); "drop_stamp" drops the seed's own stamp (003).  Paragraph blocks
may carry "indent" and "hanging" (cm).

Text markers inside strings:
  {-|}  a hyphen that was only a line break: rendering a prints "-" and a
        manual line break (w:br); rendering b puts a soft hyphen (w:softHyphen)
        there, so the word reads joined wherever the line happens to end.
  {-/}  a hyphen that belongs to the word (IT-lahendused, aasta- ja):
        rendering a prints "-" and a manual line break (one space after the
        marker is dropped); rendering b prints the plain "-" (and the space).
  **x** bold run.

Needs python3-docx (Debian) and lxml.  Output is byte-for-byte reproducible:
the zip entries get a fixed timestamp and the core properties fixed dates.
"""
import datetime
import io
import json
import os
import re
import sys
import zipfile

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

# ---------------------------------------------------------------------------
# The two renderings.
RENDER = {
    "a": {
        "font": "Liberation Sans", "size": 11, "justify": False,
        "hyphenate": False, "footer": False,
        "borders": {"kv": "none", "tasks": "grid", "grid": "grid",
                    "block": "grid", "sign": "none"},
        "shade_labels": True,
    },
    "b": {
        "font": "DejaVu Serif", "size": 10, "justify": True,
        "hyphenate": True, "footer": True,
        "borders": {"kv": "grid", "tasks": "hrules", "grid": "none",
                    "block": "none", "sign": "none"},
        "shade_labels": False,
    },
    # Variants (corpus/variants/), made from the same sources with --renderings:
    # every list drawn with Word's Symbol-font bullet (U+F0B7 in the text layer),
    # whatever the source's own renderings use.
    "symbol": {
        "font": "Liberation Serif", "size": 12, "justify": False,
        "hyphenate": False, "footer": False,
        "borders": {"kv": "none", "tasks": "grid", "grid": "grid",
                    "block": "grid", "sign": "none"},
        "shade_labels": True,
        "bullets": {"char": "\uf0b7", "font": "Symbol"},
    },
    # Justified and hyphenated, with the right-aligned "Lk N / M" footer set
    # high (2.6 cm from the page's edge, in a 3.6 cm bottom margin: 10 % of
    # the page), and the Symbol bullets too.
    "justified": {
        "font": "Liberation Serif", "size": 11, "justify": True,
        "hyphenate": True, "footer": True, "footer_distance": 2.6, "bottom": 3.6,
        "borders": {"kv": "grid", "tasks": "grid", "grid": "none",
                    "block": "none", "sign": "none"},
        "shade_labels": False,
        "bullets": {"char": "\uf0b7", "font": "Symbol"},
    },
}
FIXED_DATE = datetime.datetime(2026, 5, 19, 9, 0, 0)
ZIP_DATE = (2026, 5, 19, 9, 0, 0)
TW_PER_CM = 1440 / 2.54


def tw(cm):
    return int(round(cm * TW_PER_CM))


# ---------------------------------------------------------------------------
class Builder:
    def __init__(self, src, rendering):
        self.src = src
        self.r = rendering
        self.cfg = dict(RENDER[rendering])
        self.cfg.update(src.get("render", {}).get(rendering, {}))
        self.doc = docx.Document()
        self._margins(src)
        self.numids = {}
        self._next_abs = 50
        self._setup()

    def _margins(self, src):
        page = src.get("page", {})
        margins = page.get(self.r, page.get("a", {}))
        self.left = margins.get("left", 2.5)
        self.right = margins.get("right", 2.0)
        self.top = margins.get("top", 2.0)
        self.bottom = self.cfg.get("bottom", margins.get("bottom", 2.0))
        self.text_width = 21.0 - self.left - self.right
        # Table widths in the sources are given for rendering a's text width.
        a = page.get("a", {})
        self.a_width = 21.0 - a.get("left", 2.5) - a.get("right", 2.0)
        self.scale = self.text_width / self.a_width

    # -- document-wide setup ------------------------------------------------
    def _setup(self):
        d = self.doc
        cp = d.core_properties
        cp.author = "Sotsiaalkindlustusamet"
        cp.last_modified_by = ""
        cp.title = self.src.get("title", "Ametijuhend")
        cp.created = FIXED_DATE
        cp.modified = FIXED_DATE
        cp.revision = 1
        cp.language = "et-EE"

        sec = d.sections[0]
        sec.page_width = Cm(21.0)
        sec.page_height = Cm(29.7)
        sec.left_margin = Cm(self.left)
        sec.right_margin = Cm(self.right)
        sec.top_margin = Cm(self.top)
        sec.bottom_margin = Cm(self.bottom)
        sec.header_distance = Cm(1.25)
        sec.footer_distance = Cm(self.cfg.get("footer_distance", 1.0))

        font = self.cfg["font"]
        styles = d.styles.element
        # Document defaults: explicit font (no theme fonts), Estonian language.
        rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        for tag in ("w:rFonts", "w:lang", "w:sz", "w:szCs"):
            for el in rpr.findall(qn(tag)):
                rpr.remove(el)
        rpr.insert(0, parse_xml(
            f'<w:rFonts {nsdecls("w")} w:ascii="{font}" w:hAnsi="{font}" '
            f'w:eastAsia="{font}" w:cs="{font}"/>'))
        rpr.append(parse_xml(f'<w:sz {nsdecls("w")} w:val="{self.cfg["size"] * 2}"/>'))
        rpr.append(parse_xml(f'<w:szCs {nsdecls("w")} w:val="{self.cfg["size"] * 2}"/>'))
        rpr.append(parse_xml(
            f'<w:lang {nsdecls("w")} w:val="et-EE" w:eastAsia="et-EE" w:bidi="ar-SA"/>'))
        ppr_default = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault"))
        if ppr_default is not None:
            styles.find(qn("w:docDefaults")).remove(ppr_default)

        normal = d.styles["Normal"]
        self._style_font(normal, font, self.cfg["size"], bold=False)
        pf = normal.paragraph_format
        pf.space_before = Pt(0)
        pf.space_after = Pt(0)
        pf.line_spacing = 1.0
        if self.cfg["justify"]:
            pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

        h1 = d.styles["Heading 1"]
        self._style_font(h1, font, self.cfg["size"] + 1, bold=True)
        h1.font.color.rgb = RGBColor(0, 0, 0)
        h1.paragraph_format.space_before = Pt(12)
        h1.paragraph_format.space_after = Pt(6)
        h1.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        h1.paragraph_format.keep_with_next = True

        settings = d.settings.element
        if self.cfg["hyphenate"]:
            zoom = settings.find(qn("w:zoom"))
            ah = parse_xml(f'<w:autoHyphenation {nsdecls("w")} w:val="true"/>')
            if zoom is not None:
                zoom.addnext(ah)
            else:
                settings.insert(0, ah)
            ah.addnext(parse_xml(f'<w:hyphenationZone {nsdecls("w")} w:val="357"/>'))
        if self.cfg["footer"]:
            self._footer(sec)

    def _style_font(self, style, font, size, bold):
        style.font.name = font
        style.font.size = Pt(size)
        style.font.bold = bold
        rpr = style.element.get_or_add_rPr()
        rf = rpr.find(qn("w:rFonts"))
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if rf is not None and rf.get(qn(attr)) is not None:
                del rf.attrib[qn(attr)]
        for attr in ("w:eastAsia", "w:cs"):
            rf.set(qn(attr), font)
        rpr.append(parse_xml(f'<w:szCs {nsdecls("w")} w:val="{size * 2}"/>'))

    def _footer(self, sec):
        p = sec.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.add_run("Lk ")
        self._field(p, "PAGE", "1")
        p.add_run(" / ")
        self._field(p, "NUMPAGES", "1")
        for r in p.runs:
            r.font.size = Pt(self.cfg["size"] - 1)

    @staticmethod
    def _field(p, instr, shown):
        r = p.add_run()
        r._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>'))
        r = p.add_run()
        r._r.append(parse_xml(
            f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instr} </w:instrText>'))
        r = p.add_run()
        r._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>'))
        p.add_run(shown)
        r = p.add_run()
        r._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))

    # -- bullets (real Word list numbering) ----------------------------------
    def bullet_spec(self):
        if "bullets" in self.cfg:
            return self.cfg["bullets"]
        spec = self.src.get("bullets", {}).get(self.r)
        return spec  # None: no glyph (lost bullets)

    def numid(self, left_tw, hanging_tw):
        spec = self.bullet_spec()
        key = (spec["char"], spec["font"], left_tw, hanging_tw)
        if key in self.numids:
            return self.numids[key]
        numbering = self.doc.part.numbering_part.element
        absid = self._next_abs
        self._next_abs += 1
        char, font = spec["char"], spec["font"]
        absx = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{absid}">'
            f'<w:multiLevelType w:val="hybridMultilevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
            f'<w:lvlText w:val="{char}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left_tw}" w:hanging="{hanging_tw}"/></w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>'
            f'</w:lvl></w:abstractNum>')
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(absx)
        else:
            numbering.append(absx)
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{absid}"><w:abstractNumId w:val="{absid}"/></w:num>'))
        self.numids[key] = absid
        return absid

    # -- text runs -------------------------------------------------------------
    def add_text(self, p, text, bold=False):
        """Add text with the markers {-|}, {-/} and **bold** to paragraph p."""
        parts = re.split(r"(\*\*.*?\*\*)", text)
        for part in parts:
            if not part:
                continue
            b = bold
            if part.startswith("**") and part.endswith("**"):
                part, b = part[2:-2], True
            self._add_marked(p, part, b)

    def _add_marked(self, p, text, bold):
        pieces = re.split(r"(\{-\|\}|\{-/\})", text)
        i = 0
        while i < len(pieces):
            piece = pieces[i]
            if piece == "{-|}":
                if self.r == "a":
                    run = p.add_run("-")
                    run.bold = bold or None
                    run.add_break(WD_BREAK.LINE)
                else:
                    run = p.add_run()
                    run._r.append(parse_xml(f'<w:softHyphen {nsdecls("w")}/>'))
            elif piece == "{-/}":
                if self.r == "a":
                    run = p.add_run("-")
                    run.bold = bold or None
                    run.add_break(WD_BREAK.LINE)
                    if i + 1 < len(pieces) and pieces[i + 1].startswith(" "):
                        pieces[i + 1] = pieces[i + 1][1:]
                else:
                    run = p.add_run("-")
                    run.bold = bold or None
            elif piece:
                run = p.add_run(piece)
                run.bold = bold or None
            i += 1

    # -- paragraphs ------------------------------------------------------------
    def para(self, container, text="", style="body", first=None, **kw):
        """Add a paragraph to container (document or cell).  first: reuse an
        existing empty paragraph (a new table cell has one)."""
        if first is not None:
            p = first
        else:
            p = container.add_paragraph()
        pf = p.paragraph_format
        bold = False
        if style == "title":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            bold = True
            pf.space_before = Pt(6)
            pf.space_after = Pt(12)
        elif style == "h":
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT
            bold = True
            pf.space_before = Pt(12)
            pf.space_after = Pt(6)
            pf.keep_with_next = True
        elif style == "h1":
            p.style = self.doc.styles["Heading 1"]
            if kw.get("center"):
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif style == "sub":
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT
            bold = True
            pf.space_before = Pt(6)
            pf.space_after = Pt(3)
            pf.keep_with_next = True
        elif style == "right":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif style == "label":
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT
            bold = True
            self.no_hyphens(p)
        elif style == "kvlabel":
            # Field labels stay whole words in both renderings.
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT
            self.no_hyphens(p)
        elif style == "cell":
            pass
        elif style == "body":
            pf.space_after = Pt(kw.get("space_after", 6))
        if kw.get("bold"):
            bold = True
        if kw.get("align") == "left":
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        if "space_after" in kw and style != "body":
            pf.space_after = Pt(kw["space_after"])
        if "space_before" in kw:
            pf.space_before = Pt(kw["space_before"])
        if "indent" in kw:
            pf.left_indent = Cm(kw["indent"])
            if kw.get("hanging"):
                pf.first_line_indent = Cm(-kw["hanging"])
        self.add_text(p, text, bold=bold)
        if kw.get("size"):
            for r in p.runs:
                r.font.size = Pt(self.cfg["size"] + kw["size"])
        if kw.get("keep_next"):
            pf.keep_with_next = True
        return p

    def no_hyphens(self, p):
        ppr = p._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:suppressAutoHyphens {nsdecls("w")}/>'))
        self._order_ppr(ppr)

    def bullet(self, container, text, left_cm, hanging_cm, space_after=0, first=None):
        spec = self.bullet_spec()
        p = first if first is not None else container.add_paragraph()
        pf = p.paragraph_format
        pf.space_after = Pt(space_after)
        if spec is None:
            # Bullet lost: a plain paragraph indented like the list text.
            pf.left_indent = Cm(left_cm)
        else:
            nid = self.numid(tw(left_cm), tw(hanging_cm))
            ppr = p._p.get_or_add_pPr()
            ppr.append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{nid}"/></w:numPr>'))
            # python-docx keeps pPr children in schema order only for its own
            # setters; move numPr before spacing/ind/jc.
            self._order_ppr(ppr)
        self.add_text(p, text)
        return p

    @staticmethod
    def _order_ppr(ppr):
        order = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "widowControl",
                 "numPr", "pBdr", "shd", "tabs", "suppressAutoHyphens", "spacing",
                 "ind", "jc", "rPr"]
        children = list(ppr)
        def key(el):
            name = el.tag.split("}")[1]
            return order.index(name) if name in order else len(order)
        children.sort(key=key)
        for el in children:
            ppr.remove(el)
        for el in children:
            ppr.append(el)

    # -- tables ----------------------------------------------------------------
    def table(self, kind, widths_cm, nrows=0):
        widths = [w * self.scale for w in widths_cm]
        t = self.doc.add_table(rows=nrows, cols=len(widths))
        tbl = t._tbl
        tblPr = tbl.tblPr
        for el in list(tblPr):
            if el.tag in (qn("w:tblStyle"), qn("w:tblW"), qn("w:tblLook"), qn("w:tblLayout"),
                          qn("w:tblBorders"), qn("w:tblCellMar"), qn("w:tblInd")):
                tblPr.remove(el)
        total = sum(tw(w) for w in widths)
        tblPr.append(parse_xml(f'<w:tblW {nsdecls("w")} w:w="{total}" w:type="dxa"/>'))
        tblPr.append(parse_xml(f'<w:tblInd {nsdecls("w")} w:w="0" w:type="dxa"/>'))
        tblPr.append(self._borders(self.cfg["borders"][kind]))
        tblPr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
        tblPr.append(parse_xml(
            f'<w:tblCellMar {nsdecls("w")}><w:top w:w="0" w:type="dxa"/>'
            f'<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
            f'<w:right w:w="108" w:type="dxa"/></w:tblCellMar>'))
        tblPr.append(parse_xml(
            f'<w:tblLook {nsdecls("w")} w:val="04A0" w:firstRow="1" w:lastRow="0" '
            f'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'))
        grid = tbl.tblGrid
        for gc, w in zip(grid.findall(qn("w:gridCol")), widths):
            gc.set(qn("w:w"), str(tw(w)))
        t.autofit = False
        t._widths = widths
        return t

    @staticmethod
    def _borders(style):
        def b(name, val):
            if val == "nil":
                return f'<w:{name} w:val="nil"/>'
            return f'<w:{name} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        if style == "grid":
            spec = dict(top=1, left=1, bottom=1, right=1, insideH=1, insideV=1)
        elif style == "hrules":
            spec = dict(top=1, left=0, bottom=1, right=0, insideH=1, insideV=0)
        else:
            spec = dict(top=0, left=0, bottom=0, right=0, insideH=0, insideV=0)
        inner = "".join(b(n, "single" if v else "nil") for n, v in spec.items())
        return parse_xml(f'<w:tblBorders {nsdecls("w")}>{inner}</w:tblBorders>')

    def row(self, t, shade=None, header=False, cant_split=False):
        r = t.add_row()
        if cant_split:
            r._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
        for c, w in zip(r.cells, t._widths):
            c.width = Cm(w)
            tcPr = c._tc.get_or_add_tcPr()
            if shade:
                tcPr.append(parse_xml(
                    f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{shade}"/>'))
        if header:
            trPr = r._tr.get_or_add_trPr()
            trPr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
        return r

    # -- blocks ----------------------------------------------------------------
    def build(self):
        for blk in self.src["blocks"]:
            getattr(self, "blk_" + blk["t"])(blk)
        for app in self.src.get("appendices", []):
            self.appendix(app)
        return self.doc

    # -- directive appendices ----------------------------------------------------
    def appendix(self, app):
        """One appendix of a directive: a seed document in a new section (new
        page, the seed's own margins), opened by the directive's approval stamp.
        The seed's own stamp (003) is dropped when app["drop_stamp"]."""
        path = os.path.join(self.src["_dir"], app["src"])
        with open(path, encoding="utf-8") as f:
            seed = json.load(f)
        blocks = list(seed["blocks"])
        if app.get("drop_stamp"):
            assert blocks[0].get("text") == "KINNITATUD", path
            while blocks[0].get("style") == "right" and not blocks[0]["text"].startswith("Lisa"):
                blocks.pop(0)
            assert blocks[0]["text"].startswith("Lisa"), path
            blocks.pop(0)
        outer = self.src
        self.src = seed
        self._margins(seed)
        sec = self.doc.add_section(WD_SECTION.NEW_PAGE)
        sec.left_margin = Cm(self.left)
        sec.right_margin = Cm(self.right)
        sec.top_margin = Cm(self.top)
        sec.bottom_margin = Cm(self.bottom)
        appr = app["approval"]
        y, m, d = appr["date"].split("-")
        lines = ["KINNITATUD", appr["authority"],
                 f"{d}.{m}.{y} käskkirjaga nr {appr['directive_number']}", appr["appendix"]]
        for i, line in enumerate(lines):
            kw = {"space_after": 18} if i == len(lines) - 1 else {}
            self.para(self.doc, line, "right", **kw)
        for blk in blocks:
            getattr(self, "blk_" + blk["t"])(blk)
        self.src = outer

    def blk_p(self, blk):
        kw = {k: v for k, v in blk.items() if k not in ("t", "text", "style")}
        self.para(self.doc, blk.get("text", ""), blk.get("style", "body"), **kw)

    def blk_empty(self, blk):
        p = self.doc.add_paragraph()
        if blk.get("size"):
            p.paragraph_format.line_spacing = Pt(blk["size"])

    def blk_bullets(self, blk):
        items = blk["items"]
        left = blk.get("left", 0.63)
        hang = blk.get("hanging", 0.63)
        for i, item in enumerate(items):
            sa = blk.get("space_after", 0)
            if i == len(items) - 1:
                sa = blk.get("last_space_after", 6)
            self.bullet(self.doc, item, left, hang, space_after=sa)

    def _cell_paras(self, cell, paras, style="cell", space_after=0, bold=False):
        """Fill a table cell with one paragraph per string."""
        first = cell.paragraphs[0]
        if isinstance(paras, str):
            paras = [paras]
        for i, text in enumerate(paras):
            self.para(cell, text, style, first=first if i == 0 else None,
                      space_after=space_after if i < len(paras) - 1 else 0, bold=bold)

    def blk_kv(self, blk):
        t = self.table("kv", blk["widths"])
        pad = blk.get("row_space", 3)
        for label, value in blk["rows"]:
            r = self.row(t)
            self._cell_paras(r.cells[0], label, style="kvlabel")
            self._cell_paras(r.cells[1], value, space_after=blk.get("para_space", 0))
            for c in r.cells:
                for p in c.paragraphs[-1:]:
                    p.paragraph_format.space_after = Pt(pad)
                c.paragraphs[0].paragraph_format.space_before = Pt(pad)
        self._after_table()

    def _after_table(self):
        p = self.doc.add_paragraph()
        p.paragraph_format.space_after = Pt(0)

    def blk_tasks(self, blk):
        t = self.table("tasks", blk["widths"])
        shade = "F2F2F2" if self.cfg["shade_labels"] else None
        hr = self.row(t, shade=shade)
        for c, text in zip(hr.cells, blk["header"]):
            self.para(c, text, "label", first=c.paragraphs[0], space_before=3, space_after=3)
        spec = self.bullet_spec()
        result_gap = blk.get("result_space", 3)
        for number_text, results in blk["rows"]:
            r = self.row(t)
            self.para(r.cells[0], number_text, "cell", first=r.cells[0].paragraphs[0],
                      space_before=3, space_after=3)
            cell = r.cells[1]
            for i, res in enumerate(results):
                gap = result_gap if spec is not None else blk.get("lost_space", 6)
                if i == len(results) - 1:
                    gap = 3
                p = self.bullet(cell, res, blk.get("left", 0.63), blk.get("hanging", 0.63),
                                space_after=gap, first=cell.paragraphs[0] if i == 0 else None)
                if i == 0:
                    p.paragraph_format.space_before = Pt(3)
        self._after_table()

    def blk_grid(self, blk):
        t = self.table("grid", blk["widths"])
        labels = set(blk.get("label_rows", [0]))
        for i, cells in enumerate(blk["rows"]):
            is_label = i in labels
            shade = "D9D9D9" if (is_label and self.cfg["shade_labels"]) else None
            r = self.row(t, shade=shade)
            for c, text in zip(r.cells, cells):
                self.para(c, text, "label" if is_label else "cell", first=c.paragraphs[0],
                          space_before=2, space_after=2)
                if self.cfg["justify"]:
                    c.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
        self._after_table()

    def blk_block(self, blk):
        """A label-over-value block: a one-column table, label row then value row."""
        t = self.table("block", [blk.get("width", self.a_width)])
        shade = "D9D9D9" if self.cfg["shade_labels"] else None
        r = self.row(t, shade=shade, cant_split=True)
        self.para(r.cells[0], blk["label"], "label", first=r.cells[0].paragraphs[0],
                  space_before=2, space_after=2, keep_next=True)
        r = self.row(t, cant_split=len(blk["content"]) < 3)
        cell = r.cells[0]
        first = cell.paragraphs[0]
        for j, item in enumerate(blk["content"]):
            last = j == len(blk["content"]) - 1
            if "p" in item:
                self.para(cell, item["p"], "cell", first=first, space_before=2,
                          space_after=item.get("space_after", 2 if not last else 4))
                first = None
            elif "group" in item:
                self.para(cell, item["group"], "cell", first=first, bold=True,
                          space_before=4, space_after=0)
                first = None
            elif "bullets" in item:
                items = item["bullets"]
                for k, text in enumerate(items):
                    self.bullet(cell, text, item.get("left", 0.63), item.get("hanging", 0.63),
                                space_after=item.get("space_after", 2 if k < len(items) - 1 or not last else 4),
                                first=first)
                    first = None
        self._after_table()

    def blk_sign(self, blk):
        t = self.table("sign", blk["widths"])
        for cells in blk["rows"]:
            r = self.row(t)
            for c, value in zip(r.cells, cells):
                self._cell_paras(c, value)
                for p in c.paragraphs:
                    p.alignment = WD_ALIGN_PARAGRAPH.LEFT

    def blk_pagebreak(self, blk):
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# ---------------------------------------------------------------------------
def save_reproducible(doc, path):
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    zin = zipfile.ZipFile(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == "docProps/thumbnail.jpeg":
                continue
            data = zin.read(info.filename)
            if info.filename == "_rels/.rels":
                data = re.sub(rb'<Relationship [^>]*thumbnail[^>]*/>', b"", data)
            if info.filename == "[Content_Types].xml":
                data = re.sub(rb'<Default Extension="jpeg"[^>]*/>', b"", data)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    data = out.getvalue()
    old = open(path, "rb").read() if os.path.exists(path) else None
    if old != data:
        with open(path, "wb") as f:
            f.write(data)


def main(argv):
    args = list(argv[1:])
    # --renderings R,R --out FOLDER: other renderings than the source's own
    # (always with the rendering in the file name), for another corpus folder.
    renderings = out_folder = None
    while args and args[0].startswith("--"):
        opt, value = args.pop(0), args.pop(0)
        if opt == "--renderings":
            renderings = value.split(",")
        elif opt == "--out":
            out_folder = value
        else:
            print(__doc__, file=sys.stderr)
            return 2
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    src_dir, out_dir = args[0], args[1]
    names = args[2:]
    if not names:
        names = sorted(f[:-5] for f in os.listdir(src_dir) if f.endswith(".json"))
    os.makedirs(out_dir, exist_ok=True)
    for name in names:
        with open(os.path.join(src_dir, name + ".json"), encoding="utf-8") as f:
            src = json.load(f)
        src["_dir"] = src_dir
        for r in renderings or src.get("renderings", ["a", "b"]):
            doc = Builder(src, r).build()
            suffix = f".{r}" if renderings or src.get("suffix", True) else ""
            path = os.path.join(out_dir, f"{name}{suffix}.docx")
            save_reproducible(doc, path)
            print(f"{path}\t{out_folder or src.get('out', 'seeds')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
