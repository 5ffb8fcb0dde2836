#!/usr/bin/python3
"""Build corpus/real/: real job-description excerpts as PDFs, each with its truth.

Usage: build_real.py [CORPUS_DIR]        (default: corpus; run from the repository root)
Env:   SOFFICE (default: soffice)

Sources (corpus/src/real/):
  text/NNN_agency.txt     the excerpt as a public register extracted it from the
                          original PDF: `URL:` and `AGENCY:` lines, a blank line,
                          then the text exactly as extracted (register metadata
                          rows, hard wraps, typos, cut mid-word at the end)
  truth/NNN_agency.truth  the record of the first job description in it, with `_scored`
  layout/NNN_agency.json  the layout the original most plausibly had (see below)

For each excerpt it writes into corpus/real/:
  NNN_agency.text.pdf     the text as given, one paragraph per line (without the
                          URL:/AGENCY: lines); blank lines stay empty paragraphs
  NNN_agency.layout.pdf   the layout from layout/NNN_agency.json: Word tables where
                          the text shows a flattened table, headings, stamps
  NNN_agency.text.json, NNN_agency.layout.json
                          the truth with source.file set to that PDF, page_first to
                          the page where the record starts (the page holding the
                          layout's "starts" text) and page_last to the page count

The two .docx of every excerpt are converted by one LibreOffice call (the
machine's cores are shared); the PDFs' dates and /ID are then fixed
(corpus_tools.normalize) so a re-run gives the same bytes, and a PDF is only
rewritten when its bytes change.

Checks (exit 1 on a failure): the layout holds exactly the characters of the
text (whitespace and the wrapper's "|" aside: a layout may join hard wraps and
move a flattened table's cells back into rows, never add or drop a letter);
the "starts" text is in both PDFs.  Truth words missing from a PDF are
listed, not failed: a title in the nominative ("grupijuht" from "GRUPIJUHI
AMETIJUHEND") is not in any PDF; both forms must miss the same words.

Layout file: {"comment", "font", "size", "margins": [left, right, top, bottom] (cm),
"starts", "blocks": [...]}; a block is
  "text"                         a body paragraph
  {"h": text}                    a bold heading
  {"title": [lines]}             centred bold lines (a title block)
  {"right": [lines]}             right-aligned lines (an approval stamp)
  {"lines": [lines]}             left lines without spacing (a signature)
  {"chrome": [lines]}            small lines (page chrome: breadcrumbs, site names)
  {"p": text, "indent", "hanging", "bold"}   a paragraph with an indent (cm)
  {"tab": [[label, value], ...], "at": cm}   label, tab, value lines (a tab-aligned form)
  {"table": [[cell, ...], ...], "widths": [cm], "grid": bool, "head": bool}
                                 a Word table; a cell is a string or a list of
                                 paragraphs; "head": the first row is a bold header
  {"register": true}             the register's metadata rows of the text as a
                                 2-column table (label | value)
  {"page": true, "number": bool} a new section on a new page; "number": a page
                                 number in its header, restarting at 1
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_docx  # noqa: E402  (the corpus's python-docx builder)
import corpus_tools  # noqa: E402

from docx.enum.section import WD_SECTION  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402

TEXT_FONT = ("Liberation Sans", 10)
# A register metadata row: "| Label | value |" or "Label | value |".
REGISTER_ROW = re.compile(r"^\|? ?([^|]+?) \| ?(.*?) ?\|$")


def read_excerpt(path):
    """The excerpt's lines without the URL:/AGENCY: lines and the blank line after them."""
    lines = open(path, encoding="utf-8").read().split("\n")
    assert lines[0].startswith("URL:") and lines[1].startswith("AGENCY:") and lines[2] == "", path
    lines = lines[3:]
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def register_rows(lines):
    """The leading register metadata rows as (label, value) pairs."""
    rows = []
    for line in lines:
        m = REGISTER_ROW.match(line)
        if not m:
            break
        rows.append((m.group(1), m.group(2)))
    return rows


def builder(title, font, size, margins):
    left, right, top, bottom = margins
    src = {"title": title, "renderings": ["a"],
           "page": {"a": {"left": left, "right": right, "top": top, "bottom": bottom}},
           "render": {"a": {"font": font, "size": size}}, "blocks": []}
    return build_docx.Builder(src, "a")


def plain(p, text, bold=False):
    """Text as given: no corpus markers, runs of spaces kept."""
    if text:
        run = p.add_run(text)
        run.bold = bold or None
    return p


# ---------------------------------------------------------------------------
def text_docx(name, lines):
    b = builder(name + " (text)", *TEXT_FONT, (2.5, 2.0, 2.0, 2.0))
    for line in lines:
        plain(b.doc.add_paragraph(), line)
    return b.doc


class Layout:
    """Writes a layout file's blocks with the corpus builder's primitives."""

    def __init__(self, name, spec, lines):
        self.spec = spec
        self.lines = lines
        self.b = builder(name + " (layout)", spec.get("font", "Liberation Sans"),
                         spec.get("size", 11), spec.get("margins", (2.5, 2.0, 2.0, 2.0)))
        self.doc = self.b.doc

    def build(self):
        for blk in self.spec["blocks"]:
            if isinstance(blk, str):
                self.para(blk, space_after=4)
                continue
            kind = next(k for k in ("h", "title", "right", "lines", "chrome", "p", "tab",
                                    "table", "register", "page") if k in blk)
            getattr(self, "blk_" + kind)(blk)
        return self.doc

    def para(self, text, container=None, align=None, bold=False, space_before=0,
             space_after=0, size=None):
        p = (container or self.doc).add_paragraph()
        pf = p.paragraph_format
        pf.space_before = Pt(space_before)
        pf.space_after = Pt(space_after)
        if align is not None:
            p.alignment = align
        plain(p, text, bold)
        if size:
            for r in p.runs:
                r.font.size = Pt(size)
        return p

    def blk_h(self, blk):
        self.para(blk["h"], bold=True, space_before=10, space_after=4).paragraph_format.keep_with_next = True

    def blk_title(self, blk):
        for i, line in enumerate(blk["title"]):
            last = i == len(blk["title"]) - 1
            self.para(line, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True,
                      space_before=6 if i == 0 else 0, space_after=10 if last else 0)

    def blk_right(self, blk):
        for i, line in enumerate(blk["right"]):
            self.para(line, align=WD_ALIGN_PARAGRAPH.RIGHT,
                      space_after=12 if i == len(blk["right"]) - 1 else 0)

    def blk_lines(self, blk):
        for i, line in enumerate(blk["lines"]):
            self.para(line, space_before=12 if i == 0 else 0,
                      space_after=6 if i == len(blk["lines"]) - 1 else 0)

    def blk_chrome(self, blk):
        for line in blk["chrome"]:
            self.para(line, size=8, space_after=2)

    def blk_p(self, blk):
        p = self.para(blk["p"], bold=blk.get("bold", False), space_after=blk.get("space_after", 4))
        if "indent" in blk:
            p.paragraph_format.left_indent = Cm(blk["indent"])
            if blk.get("hanging"):
                p.paragraph_format.first_line_indent = Cm(-blk["hanging"])

    def blk_tab(self, blk):
        for label, value in blk["tab"]:
            p = self.para(label + "\t" + value, space_after=4)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(blk.get("at", 6.0)))

    def table(self, rows, widths, grid, head=False, size=None):
        t = self.b.table("grid" if grid else "kv", widths)
        for i, cells in enumerate(rows):
            shade = "F2F2F2" if head and i == 0 and grid else None
            r = self.b.row(t, shade=shade, header=head and i == 0)
            for c, value in zip(r.cells, cells):
                paras = value if isinstance(value, list) else [value]
                for j, text in enumerate(paras):
                    p = c.paragraphs[0] if j == 0 else c.add_paragraph()
                    p.paragraph_format.space_before = Pt(2 if j == 0 else 0)
                    p.paragraph_format.space_after = Pt(2 if j == len(paras) - 1 else 0)
                    plain(p, text, bold=head and i == 0)
                    if size:
                        for run in p.runs:
                            run.font.size = Pt(size)
        self.b._after_table()

    def blk_table(self, blk):
        self.table(blk["table"], blk["widths"], blk.get("grid", False), blk.get("head", False))

    def blk_register(self, blk):
        rows = register_rows(self.lines)
        assert rows, "layout asks for the register table, the text has no register rows"
        self.table([list(r) for r in rows], [4.5, 12.0], grid=True, size=9)

    def blk_page(self, blk):
        sec = self.doc.add_section(WD_SECTION.NEW_PAGE)
        if blk.get("number"):
            sec.header.is_linked_to_previous = False
            p = sec.header.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.b._field(p, "PAGE", "1")
            sect_pr = sec._sectPr
            pg = sect_pr.find(build_docx.qn("w:pgNumType"))
            if pg is None:
                pg = build_docx.parse_xml(f'<w:pgNumType {build_docx.nsdecls("w")}/>')
                sect_pr.append(pg)
            pg.set(build_docx.qn("w:start"), "1")


# ---------------------------------------------------------------------------
def layout_chars(spec, lines):
    """The characters a layout writes, whitespace aside (the wrapper's "|" are table borders)."""
    out = Counter()
    for blk in spec["blocks"]:
        if isinstance(blk, dict) and blk.get("register"):
            for label, value in register_rows(lines):
                out.update(label + value)
            continue
        if isinstance(blk, dict) and blk.get("number"):
            out.update("1")  # the page number its header shows on its first page
            continue
        stack = [blk]
        while stack:
            v = stack.pop()
            if isinstance(v, str):
                out.update(v)
            elif isinstance(v, list):
                stack.extend(v)
            elif isinstance(v, dict):
                stack.extend(v[k] for k in ("h", "title", "right", "lines", "chrome", "p",
                                            "tab", "table") if k in v)
    for ws in [c for c in out if c.isspace()]:
        del out[ws]
    return out


def text_chars(lines):
    n = len(register_rows(lines))
    out = Counter()
    for i, line in enumerate(lines):
        if i < n:
            m = REGISTER_ROW.match(line)
            line = m.group(1) + m.group(2)
        out.update(c for c in line if not c.isspace())
    return out


def start_page(pdf, starts):
    want = " ".join(starts.split())
    for no, text in enumerate(corpus_tools.page_texts(pdf), 1):
        if want in text:
            return no
    return None


def write_if_changed(path, text):
    if not os.path.exists(path) or open(path, encoding="utf-8").read() != text:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def main(argv):
    corpus = argv[1] if len(argv) > 1 else "corpus"
    soffice = os.environ.get("SOFFICE", "soffice")
    src = os.path.join(corpus, "src", "real")
    out_dir = os.path.join(corpus, "real")
    os.makedirs(out_dir, exist_ok=True)
    names = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(src, "text", "*.txt")))
    failures = []

    def fail(msg):
        failures.append(msg)
        print("FAIL", msg)

    with tempfile.TemporaryDirectory(prefix="build-real.") as tmp:
        docs, specs, texts = [], {}, {}
        for name in names:
            lines = read_excerpt(os.path.join(src, "text", name + ".txt"))
            spec = json.load(open(os.path.join(src, "layout", name + ".json"), encoding="utf-8"))
            texts[name], specs[name] = lines, spec
            extra = layout_chars(spec, lines) - text_chars(lines)
            lost = text_chars(lines) - layout_chars(spec, lines)
            if extra or lost:
                fail(f"{name}: the layout adds {dict(extra)} and drops {dict(lost)}")
            for form, doc in (("text", text_docx(name, lines)), ("layout", Layout(name, spec, lines).build())):
                path = os.path.join(tmp, f"{name}.{form}.docx")
                build_docx.save_reproducible(doc, path)
                docs.append(path)
        # One LibreOffice run for all (a private profile, so no running
        # LibreOffice or user setting interferes).
        log = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                              "--norestore", "--convert-to", "pdf", "--outdir", tmp] + docs,
                             capture_output=True, text=True)
        for docx_path in docs:
            pdf = docx_path[:-5] + ".pdf"
            if not os.path.exists(pdf):
                sys.exit(f"build_real: no PDF for {docx_path}\n{log.stdout}{log.stderr}")
            corpus_tools.normalize([pdf])
            target = os.path.join(out_dir, os.path.basename(pdf))
            data = open(pdf, "rb").read()
            if not os.path.exists(target) or open(target, "rb").read() != data:
                open(target, "wb").write(data)

    for name in names:
        truth = json.load(open(os.path.join(src, "truth", name + ".truth"), encoding="utf-8"))
        missed = {}
        for form in ("text", "layout"):
            pdf = os.path.join(out_dir, f"{name}.{form}.pdf")
            pages = corpus_tools.page_count(pdf)
            first = start_page(pdf, specs[name]["starts"])
            if first is None:
                fail(f"{name}.{form}.pdf: no page holds '{specs[name]['starts']}'")
                first = 1
            records = json.loads(json.dumps(truth))
            for rec in records:
                rec["source"].update(file=os.path.basename(pdf), page_first=first, page_last=pages)
            write_if_changed(pdf[:-4] + ".json", json.dumps(records, ensure_ascii=False, indent=2) + "\n")
            missed[form] = corpus_tools.missing_words(corpus_tools.bbox_lines(pdf), records[0])
            size = os.path.getsize(pdf)
            print(f"{name}.{form}.pdf: pages {first}-{pages}, {size} bytes")
            if size > 100_000:
                fail(f"{name}.{form}.pdf: {size} bytes")
        if missed["text"]:
            print(f"  truth words in neither PDF: {missed['text']}")
        if missed["text"] != missed["layout"]:
            fail(f"{name}: the forms miss different truth words: text {missed['text']}, "
                 f"layout {missed['layout']}")
    print(f"{len(names)} excerpts, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
