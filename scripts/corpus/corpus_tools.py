#!/usr/bin/python3
"""Helpers for scripts/make-corpus (stdlib only; needs poppler-utils and qpdf).

  corpus_tools.py normalize PDF...           fix the dates and /ID LibreOffice writes
                                             (same-length edits: offsets stay valid)
  corpus_tools.py truth TRUTH_DIR SEEDS_DIR  write <seed>.<r>.json beside each seed PDF
  corpus_tools.py directives TRUTH_DIR CORPUS_DIR
                                             write <name>.json and <name>.directive.json
                                             beside each corpus/directives/<name>.pdf
  corpus_tools.py variants CORPUS_DIR        write the truth beside each corpus/variants/ PDF:
                                             <seed>.<r>.json, or for a directive
                                             <name>.<r>.json and <name>.<r>.directive.json
  corpus_tools.py bad CORPUS_DIR             write the bad fixtures from the seed PDFs
  corpus_tools.py check CORPUS_DIR           verify the corpus (exit 1 on a failure)
"""
import glob
import hashlib
import json
import os
import re
import subprocess
import sys
import unicodedata
import zlib
from xml.etree import ElementTree

FIXED_PDF_DATE = b"20260519090000"


# ---------------------------------------------------------------------------
def normalize(paths):
    for path in paths:
        data = open(path, "rb").read()
        orig = data

        def fix_date(m):
            digits = m.group(2)
            fixed = (FIXED_PDF_DATE + b"0" * len(digits))[:len(digits)]
            return m.group(1) + fixed

        data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d+)", fix_date, data)
        blank = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)",
                       lambda m: m.group(1) + b"0" * len(m.group(2)) + m.group(3)
                       + b"0" * len(m.group(4)) + m.group(5), data)
        blank = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)",
                       lambda m: m.group(1) + b"0" * len(m.group(2)), blank)
        digest = hashlib.md5(blank).hexdigest().upper().encode()
        data = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)",
                      lambda m: m.group(1) + digest[:len(m.group(2))] + m.group(3)
                      + digest[:len(m.group(4))] + m.group(5), blank)
        data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)",
                      lambda m: m.group(1) + digest[:len(m.group(2))], data)
        assert len(data) == len(orig)
        if data != orig:
            open(path, "wb").write(data)


def page_count(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


# ---------------------------------------------------------------------------
def truth(truth_dir, seeds_dir):
    for pdf in sorted(glob.glob(os.path.join(seeds_dir, "*.pdf"))):
        base = os.path.basename(pdf)
        m = re.match(r"^(\d{3}_[0-9a-f]+)\.([ab]|symbol|justified|chromium(-[a-z0-9]+)?)\.pdf$", base)
        if not m:
            continue
        with open(os.path.join(truth_dir, m.group(1) + ".truth"), encoding="utf-8") as f:
            records = json.load(f)
        n = page_count(pdf)
        for rec in records:
            rec["source"]["file"] = base
            rec["source"]["page_first"] = 1
            rec["source"]["page_last"] = n
        out = pdf[:-4] + ".json"
        text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
        if not os.path.exists(out) or open(out, encoding="utf-8").read() != text:
            with open(out, "w", encoding="utf-8") as f:
                f.write(text)
        print(f"{out}: pages {n}")


# ---------------------------------------------------------------------------
# Directives: one PDF holding a directive's letter and its appendices.
def dmy(iso):
    y, m, d = iso.split("-")
    return f"{d}.{m}.{y}"


def page_texts(pdf):
    """The pdftotext output of each page, whitespace runs collapsed."""
    return [" ".join(subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"],
                                    capture_output=True, check=True).stdout.decode().split())
            for p in range(1, page_count(pdf) + 1)]


def stamp_text(approval):
    return " ".join(["KINNITATUD", approval["authority"],
                     f"{dmy(approval['date'])} käskkirjaga nr {approval['directive_number']}",
                     approval["appendix"]])


def appendix_pages(pdf, src):
    """[(first, last)] of each appendix: an appendix starts on the page whose
    text begins with its approval stamp and ends before the next one."""
    texts = page_texts(pdf)
    starts = []
    for app in src["appendices"]:
        stamp = stamp_text(app["approval"])
        after = starts[-1] if starts else 1
        page = next((p for p in range(after + 1, len(texts) + 1)
                     if texts[p - 1].startswith(stamp + " ")), None)
        if page is None:
            raise SystemExit(f"{pdf}: no page starts with the stamp '{stamp}'")
        starts.append(page)
    ends = [s - 1 for s in starts[1:]] + [len(texts)]
    return list(zip(starts, ends)), texts


def directives(truth_dir, corpus):
    src_dir = os.path.join(corpus, "src", "directives")
    out_dir = os.path.join(corpus, "directives")
    for path in sorted(glob.glob(os.path.join(src_dir, "*.json"))):
        directive_truth(truth_dir, path, os.path.join(out_dir, os.path.basename(path)[:-5] + ".pdf"))


def directive_truth(truth_dir, path, pdf):
    """<pdf>.json (the appendices' records) and <pdf>.directive.json for the
    directive PDF made from source path."""
    src = json.load(open(path, encoding="utf-8"))
    name = os.path.basename(pdf)[:-4]
    out_dir = os.path.dirname(pdf)
    ranges, _ = appendix_pages(pdf, src)
    records = []
    for i, (app, (first, last)) in enumerate(zip(src["appendices"], ranges), 1):
        with open(os.path.join(truth_dir, app["truth"] + ".truth"), encoding="utf-8") as f:
            rec = json.load(f)[0]
        rec["source"] = {"file": name + ".pdf", "index": i,
                         "page_first": first, "page_last": last}
        rec["approval"] = dict(app["approval"])
        records.append(rec)
    facts = src["directive"]
    d = {"file": name + ".pdf"}
    for k in ("issuer", "date", "number", "title", "signatory", "legal_basis",
              "appendices", "repeals", "entry_into_force"):
        d[k] = facts[k]
    d["pages"] = [1, ranges[0][0] - 1]
    for out, value in ((name + ".json", records), (name + ".directive.json", d)):
        out = os.path.join(out_dir, out)
        text = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
        if not os.path.exists(out) or open(out, encoding="utf-8").read() != text:
            with open(out, "w", encoding="utf-8") as f:
                f.write(text)
    print(f"{name}.pdf: directive pages 1-{ranges[0][0] - 1}; appendices "
          + ", ".join(f"{a['approval']['appendix']} {f}-{l}"
                      for a, (f, l) in zip(src["appendices"], ranges)))


def check_directives(corpus, fail):
    src_dir = os.path.join(corpus, "src", "directives")
    for path in sorted(glob.glob(os.path.join(src_dir, "*.json"))):
        name = os.path.basename(path)[:-5]
        src = json.load(open(path, encoding="utf-8"))
        pdf = os.path.join(corpus, "directives", name + ".pdf")
        base = name + ".pdf"
        if not os.path.exists(pdf):
            fail(f"directives/{base} missing")
            continue
        size = os.path.getsize(pdf)
        pages = page_count(pdf)
        print(f"directives/{base}: {pages} pages, {size} bytes")
        if size > 250_000:
            fail(f"directives/{base}: {size} bytes")
        records = json.load(open(pdf[:-4] + ".json", encoding="utf-8"))
        d = json.load(open(pdf[:-4] + ".directive.json", encoding="utf-8"))
        ranges, texts = appendix_pages(pdf, src)
        # Page ranges: the directive, then the appendices, back to back.
        if d["pages"] != [1, ranges[0][0] - 1] or d["file"] != base:
            fail(f"{base}: directive pages {d['pages']}, expected [1, {ranges[0][0] - 1}]")
        print(f"  directive: pages {d['pages'][0]}-{d['pages'][1]}")
        if len(records) != len(src["appendices"]):
            fail(f"{base}: {len(records)} records for {len(src['appendices'])} appendices")
        stamps = [p for p, t in enumerate(texts, 1) if "KINNITATUD" in t]
        if stamps != [f for f, l in ranges]:
            fail(f"{base}: stamps on pages {stamps}, appendices start on {[f for f, l in ranges]}")
        lines = bbox_lines(pdf)
        for i, (rec, app, (first, last)) in enumerate(zip(records, src["appendices"], ranges), 1):
            want = {"file": base, "index": i, "page_first": first, "page_last": last}
            if rec["source"] != want:
                fail(f"{base}: record {i} source {rec['source']}, expected {want}")
            if rec["approval"] != app["approval"]:
                fail(f"{base}: record {i} approval {rec['approval']}")
            seed = json.load(open(os.path.join(os.path.dirname(path), app["src"]), encoding="utf-8"))
            print(f"  {app['approval']['appendix']}: pages {first}-{last} "
                  f"({rec['title']}; {seed['title']})")
            if not texts[first - 1].startswith(stamp_text(app["approval"]) + " "):
                fail(f"{base}: page {first} does not start with the stamp")
            mine = [l for l in lines if first <= l[0] <= last]
            missing = missing_words(mine, rec)
            if missing:
                fail(f"{base}: {app['approval']['appendix']}: truth words not on pages "
                     f"{first}-{last}: {missing[:12]}")
        # The directive's own facts, as written on its pages.
        text = " ".join(texts[d["pages"][0] - 1:d["pages"][1]])
        want = [d["issuer"], "KÄSKKIRI", f"{dmy(d['date'])} nr {d['number']}", d["title"],
                d["legal_basis"] + ":", d["signatory"]["name"], d["signatory"]["title"],
                "(allkirjastatud digitaalselt)", d["entry_into_force"]["text"]]
        want += [a["title"] for a in d["appendices"]]
        want += [f"{dmy(r['date'])} käskkirja nr {r['number']}" for r in d["repeals"]]
        for w in want:
            if " ".join(w.split()) not in text:
                fail(f"{base}: directive text lacks '{w}'")
        listed = len(d["appendices"])
        print(f"  lists {listed} appendices, holds {len(records)}"
              + ("  (mismatch, on purpose)" if listed != len(records) else ""))
        has_outline = b"/Outlines" in open(pdf, "rb").read()
        print(f"  outline: {'yes' if has_outline else 'no'}")


def variants(corpus):
    """Truth beside the variant renderings: a seed's truth with source.file and
    page_last set, a directive's like corpus/directives'."""
    truth_dir = os.path.join(corpus, "src", "truth")
    out_dir = os.path.join(corpus, "variants")
    truth(truth_dir, out_dir)
    for pdf in sorted(glob.glob(os.path.join(out_dir, "*.pdf"))):
        name = os.path.basename(pdf).split(".")[0]
        src = os.path.join(corpus, "src", "directives", name + ".json")
        if os.path.exists(src):
            directive_truth(truth_dir, src, pdf)


# ---------------------------------------------------------------------------
def image_pdf(gray, width, height, page_w, page_h):
    """A one-page PDF whose only content is an 8-bit gray image (FlateDecode)."""
    img = zlib.compress(gray, 9)
    content = f"q {page_w:.2f} 0 0 {page_h:.2f} 0 0 cm /Im0 Do Q\n".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page_w:.2f} {page_h:.2f}] "
         f"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>").encode(),
        (f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} "
         f"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
         f"/Length {len(img)} >>\nstream\n").encode() + img + b"\nendstream",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"endstream",
        b"<< /Producer (ametijuhend corpus: scanned page, no text layer) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 6 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def read_pgm(path):
    data = open(path, "rb").read()
    # P5 <w> <h> <maxval> <one whitespace> <raster>
    m = re.match(rb"P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h, maxval = int(m.group(1)), int(m.group(2)), int(m.group(3))
    assert maxval == 255
    return w, h, data[m.end():m.end() + w * h]


def bad(corpus):
    seeds = os.path.join(corpus, "seeds")
    out = os.path.join(corpus, "bad")
    os.makedirs(out, exist_ok=True)
    # truncated.pdf: the first 40 % of a seed PDF.
    data = open(os.path.join(seeds, "000_eaa2ca7fc8e25303.a.pdf"), "rb").read()
    open(os.path.join(out, "truncated.pdf"), "wb").write(data[:len(data) * 40 // 100])
    # encrypted.pdf: AES-256, user password "user", owner password "owner".
    # qpdf salts the key at random, so an existing file that still holds the
    # same text is kept (keeps re-runs from touching the committed file).
    plain = os.path.join(seeds, "001_ada39cec4ddc1188.a.pdf")
    enc = os.path.join(out, "encrypted.pdf")
    same = False
    if os.path.exists(enc):
        got = subprocess.run(["pdftotext", "-upw", "user", "-layout", enc, "-"],
                             capture_output=True)
        want = subprocess.run(["pdftotext", "-layout", plain, "-"], capture_output=True)
        same = got.returncode == 0 and got.stdout == want.stdout
    if not same:
        subprocess.run(["qpdf", "--encrypt", "user", "owner", "256", "--", plain, enc],
                       check=True)
    # not-a-pdf.pdf: plain text under a .pdf name.
    with open(os.path.join(out, "not-a-pdf.pdf"), "w", encoding="utf-8") as f:
        f.write("AMETIJUHEND\n\nSee fail ei ole PDF, vaid tavaline tekstifail, "
                "millel on .pdf-laiend.\nThis is a plain text file with a .pdf name.\n")
    # scanned.pdf: page 1 of a seed as a 50 dpi gray image, no text layer.
    tmp = os.path.join(out, ".scan")
    subprocess.run(["pdftoppm", "-r", "50", "-gray", "-f", "1", "-l", "1", "-singlefile",
                    os.path.join(seeds, "003_15a2b8cbd924b2ac.a.pdf"), tmp], check=True)
    w, h, gray = read_pgm(tmp + ".pgm")
    os.remove(tmp + ".pgm")
    open(os.path.join(out, "scanned.pdf"), "wb").write(
        image_pdf(gray, w, h, 595.28, 841.89))


# ---------------------------------------------------------------------------
# Checks.
VERBATIM = ["title", "structural_unit", "direct_manager", "subordinates", "substitutes",
            "substitutes_scope", "substituted_by", "substituted_by_scope", "purpose",
            "position_group", "special_conditions", "rights", "responsibilities",
            "work_tools", "review_note"]
BULLETS = "\uf0b7\uf0a7\u25aa\u2022\u2013\u25e6"
SUSPENDERS = {"ja", "või", "ning", "kui", "ega", "and", "or"}
LONE_HYPHENS = []


def bbox_lines(pdf):
    """[(page, block_no, [words])] from pdftotext -bbox-layout, in file order."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True,
                         check=True).stdout.decode("utf-8")
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    xml = xml.replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    root = ElementTree.fromstring(xml)
    lines = []
    bno = 0
    for pno, page in enumerate(root.iter("page"), 1):
        for block in page.iter("block"):
            bno += 1
            for line in block.iter("line"):
                ws = list(line.iter("word"))
                words = [w.text or "" for w in ws]
                # LibreOffice sometimes draws the hyphen of a justified,
                # hyphenated line as its own glyph run ~1 pt right of the stem;
                # pdftotext then reports a lone "-" word.  Glue it back.
                if (len(ws) >= 2 and words[-1] == "-"
                        and float(ws[-1].get("xMin")) - float(ws[-2].get("xMax")) < 2.0):
                    words[-2:] = [words[-2] + "-"]
                    LONE_HYPHENS.append((pdf, pno, words[-1]))
                ys = [float(w.get("yMin")) for w in ws]
                xs = [float(w.get("xMin")) for w in ws]
                lines.append((pno, bno, words, min(ys), min(xs)))
    return lines


def strings_of(rec):
    out = []
    def add(v):
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, list):
            for x in v:
                add(x)
    for k in VERBATIM:
        add(rec.get(k))
    for t in rec.get("tasks", []):
        add(t["text"])
        add(t["results"])
    req = rec.get("requirements") or {}
    for k in ("education", "experience"):
        if req.get(k):
            add(req[k].get("text"))
            add(req[k].get("fields"))
    add(req.get("computer_skills"))
    add(req.get("knowledge_and_skills"))
    add(req.get("personal_qualities"))
    for c in rec.get("competencies", []):
        add(c["group"])
        add(c["name"])
        add(c["items"])
    if rec.get("approval"):
        add(rec["approval"]["authority"])
        add(rec["approval"]["appendix"])
    if rec.get("signatures"):
        s = rec["signatures"]
        add(s["employer"]["name"])
        add(s["employer"]["title"])
        add(s["employee"]["name"])
    return out


def missing_words(lines, rec):
    """The words of record rec that are not among the words of lines (a line-end
    hyphen counts both joined and kept, with any line of that or the next page)."""
    bag = set()
    for i, (pno, bno, words, y, x) in enumerate(lines):
        for w in words:
            bag.add(norm(w))
        if words and words[-1].endswith("-"):
            # A hyphenated word may go on in another text block (the other
            # table column comes first in poppler's order) or on the next page.
            nxt = [l for l in lines if l[2] and pno <= l[0] <= pno + 1]
            for l in nxt:
                head = l[2][0]
                bag.add(norm(words[-1][:-1] + head))
                bag.add(norm(words[-1] + head))
    missing = []
    for s in strings_of(rec):
        for tok in s.split():
            if norm(tok) not in bag:
                missing.append(tok)
    for t in rec["tasks"]:
        if t["number"] and t["number"] not in bag and t["number"] + "." not in bag:
            missing.append(t["number"])
    return missing


def norm(s):
    """NFC, without the punctuation a list split or a label may drop."""
    return unicodedata.normalize("NFC", s).strip("()[],.;:")


def pdf_text(pdf):
    return subprocess.run(["pdftotext", pdf, "-"], capture_output=True, check=True).stdout.decode()


def check(corpus):
    failures = []
    warnings = []

    def fail(msg):
        failures.append(msg)
        print("FAIL", msg)

    src_dir = os.path.join(corpus, "src")
    for pdf in sorted(glob.glob(os.path.join(corpus, "seeds", "*.pdf"))):
        base = os.path.basename(pdf)
        seed, r = re.match(r"^(.+)\.([ab])\.pdf$", base).groups()
        src = json.load(open(os.path.join(src_dir, seed + ".json"), encoding="utf-8"))
        rec = json.load(open(pdf[:-4] + ".json", encoding="utf-8"))[0]
        pages = page_count(pdf)
        size = os.path.getsize(pdf)
        print(f"{base}: {pages} pages, {size} bytes")
        if rec["source"]["file"] != base or rec["source"]["page_last"] != pages:
            fail(f"{base}: truth source {rec['source']} does not match")
        if size > 150_000:
            fail(f"{base}: {size} bytes")
        lines = bbox_lines(pdf)
        text = pdf_text(pdf)

        # 1. Every truth word is in the PDF (line-end hyphens joined or kept).
        missing = missing_words(lines, rec)
        if missing:
            fail(f"{base}: truth words not found in the PDF: {missing[:12]}")

        # 2. Bullets.
        spec = src.get("bullets", {})
        mine = spec.get(r)
        other = spec.get("b" if r == "a" else "a")
        starts = [l[2][0] for l in lines if l[2]]
        if mine:
            n = sum(1 for w in starts if w == mine["char"])
            print(f"  bullet {mine['char']!r} U+{ord(mine['char']):04X}: {n} at line starts")
            if n == 0:
                fail(f"{base}: bullet U+{ord(mine['char']):04X} missing")
        if other and (not mine or other["char"] != mine["char"]):
            if other["char"] in starts:
                fail(f"{base}: the other rendering's bullet U+{ord(other['char']):04X} is here")
        if "\uf0b7" in text:
            print("  U+F0B7 present in the text layer")

        # 3. Footer "Lk N / M" only in b.
        has_footer = re.search(r"Lk 1 / %d\b" % pages, text) is not None
        if (r == "b") != has_footer:
            fail(f"{base}: footer 'Lk 1 / {pages}' present={has_footer}")

        # 4. Forced breaks in a: "prefix-" ends a line and the rest starts the next.
        blob = json.dumps(src, ensure_ascii=False)
        for m in re.finditer(r"(\w+)\{-([|/])\}\s?(\w+)", blob):
            pre, kind, post = m.group(1), m.group(2), m.group(3)
            ok_a = False
            for i, (pno, bno, words, y, x) in enumerate(lines):
                if words and words[-1].endswith(pre + "-"):
                    nxt = [l for l in lines[i + 1:i + 40] if l[2] and l[2][0].startswith(post)]
                    if nxt:
                        ok_a = True
            if r == "a":
                print(f"  forced break {pre}-|{post}: {'at line end' if ok_a else 'NOT at line end'}")
                if not ok_a:
                    fail(f"{base}: {pre}-|{post} not at a line end")
            else:
                if kind == "|":
                    joined = pre + post
                elif post in SUSPENDERS:
                    joined = pre + "- " + post
                else:
                    joined = pre + "-" + post
                flat = " ".join(text.split())
                print(f"  {joined}: {'on one line' if joined in flat else 'split at a line end'}")

        # 5. Outline (bookmarks) only where the source uses Heading 1.
        wants_outline = '"style": "h1"' in blob
        has_outline = b"/Outlines" in open(pdf, "rb").read()
        if wants_outline != has_outline:
            fail(f"{base}: outline present={has_outline}, expected {wants_outline}")

        # 6. Audit of line-end hyphens against the contract's keep rule.
        truth_text = " ".join(strings_of(rec))
        n_join = n_keep = n_other = 0
        for i, (pno, bno, words, y, x) in enumerate(lines):
            if not words or not words[-1].endswith("-") or len(words[-1]) < 2:
                continue
            nxt = next((l for l in lines[i + 1:] if l[2]), None)
            if not nxt:
                continue
            pre, head = words[-1], nxt[2][0]
            stem = pre[:-1].lstrip("(\"'")
            keep_rule = (stem.isupper() or len(stem) == 1 or stem[-1:].isdigit()
                         or head.lower().strip(",.;") in SUSPENDERS)
            joined_in = (stem + head.rstrip(",.;:")) in truth_text
            kept_in = (stem + "-" + head.rstrip(",.;:")) in truth_text or (
                head.lower() in SUSPENDERS and (stem + "- " + head) in truth_text)
            if joined_in:
                n_join += 1
            elif kept_in:
                n_keep += 1
            else:
                n_other += 1
            if joined_in and keep_rule:
                warnings.append(f"{base} p{pno}: '{pre}' + '{head}' must join, "
                                f"but the keep rule says keep")
            if kept_in and not keep_rule and not joined_in:
                warnings.append(f"{base} p{pno}: '{pre}' + '{head}' must keep its hyphen, "
                                f"but the keep rule says join")

        print(f"  line-end hyphens: {n_join} join, {n_keep} keep, {n_other} neither "
              f"(labels, headers)")

    # Bad fixtures.
    bad_dir = os.path.join(corpus, "bad")
    expect = ["truncated.pdf", "encrypted.pdf", "not-a-pdf.pdf", "scanned.pdf",
              "unknown-layout.pdf", "xss.pdf", "letter.pdf", "government-order.pdf",
              "occupational-standard.pdf"]
    for name in expect:
        path = os.path.join(bad_dir, name)
        if not os.path.exists(path):
            fail(f"bad/{name} missing")
            continue
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
        first = (info.stdout + info.stderr).strip().splitlines()[:1]
        print(f"bad/{name}: {os.path.getsize(path)} bytes; pdfinfo exit {info.returncode}: {first}")
    scanned = os.path.join(bad_dir, "scanned.pdf")
    if subprocess.run(["pdfinfo", scanned], capture_output=True).returncode != 0:
        fail("scanned.pdf does not open")
    if pdf_text(scanned).strip():
        fail("scanned.pdf has text")
    if subprocess.run(["pdfinfo", os.path.join(bad_dir, "encrypted.pdf")],
                      capture_output=True).returncode == 0:
        fail("encrypted.pdf opens without a password")
    if subprocess.run(["pdfinfo", "-upw", "user", os.path.join(bad_dir, "encrypted.pdf")],
                      capture_output=True).returncode != 0:
        fail("encrypted.pdf does not open with the user password")
    if subprocess.run(["pdftotext", os.path.join(bad_dir, "truncated.pdf"), "/dev/null"],
                      capture_output=True).returncode == 0:
        print("  note: poppler still reads part of truncated.pdf (xref reconstruction)")
    xss = pdf_text(os.path.join(bad_dir, "xss.pdf"))
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>"):
        if payload not in xss:
            fail(f"xss.pdf lacks {payload}")
    unk = pdf_text(os.path.join(bad_dir, "unknown-layout.pdf"))
    for s in ("JOB DESCRIPTION", "Reports to:", "Key responsibilities"):
        if s not in unk:
            fail(f"unknown-layout.pdf lacks {s}")
    # Real-looking documents that are not job descriptions.
    for name, marks in (("letter.pdf", ("Teie 12.03.2026", "Meie 19.03.2026", "Lugupidamisega")),
                        ("government-order.pdf", ("VABARIIGI VALITSUS", "KORRALDUS", "Riigisekretär")),
                        ("occupational-standard.pdf", ("KUTSESTANDARD", "Kutseala", "Tegevusnäitajad"))):
        text = pdf_text(os.path.join(bad_dir, name))
        for s in marks:
            if s not in text:
                fail(f"{name} lacks {s}")
    other = pdf_text(os.path.join(corpus, "other", "transpordiamet-hooldeinsener.pdf"))
    for s in ("1.1. Struktuuriüksuse nimetus:", "1.4. Allub:", "1.5. Asendaja:"):
        if s not in other:
            fail(f"transpordiamet-hooldeinsener.pdf lacks {s}")

    # Directives.
    check_directives(corpus, fail)

    for pdf, pno, word in LONE_HYPHENS:
        print(f"note: {os.path.basename(pdf)} p{pno}: pdftotext splits '{word}' into "
              f"'{word[:-1]}' '-' (LibreOffice draws the hyphen apart)")
    for w in warnings:
        print("WARN", w)
    print(f"{len(failures)} failed, {len(warnings)} warnings")
    return 1 if failures else 0


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd = argv[1]
    if cmd == "normalize":
        normalize(argv[2:])
    elif cmd == "truth":
        truth(argv[2], argv[3])
    elif cmd == "directives":
        directives(argv[2], argv[3])
    elif cmd == "variants":
        variants(argv[2])
    elif cmd == "bad":
        bad(argv[2])
    elif cmd == "check":
        return check(argv[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
