#!/usr/bin/env python3
"""Writes a seed source (corpus/src/<seed>.json) as an HTML page, for
Chromium to print to PDF: another rendering of the same job description,
as a web-based document system would make it.

    build_html.py SRC.json OUT.html [--font F] [--size PT] [--label-width PCT] [--item-space PT]

Defaults: DejaVu Sans, 11 pt, label column 30 %, 2 pt between list items.

What differs from the Word renderings, on purpose: the label column of a
label | value table is 30 % wide, so long labels wrap ("Erialane /
töökogemus"); table cells have thin padding; list bullets are CSS markers,
which Chromium draws as shapes, so they are not in the text layer; a soft
hyphen at a line break comes out as U+00AD followed by U+2010.

Text markers (see build_docx.py): {-|} becomes a soft hyphen (the browser
may break there), {-/} a plain hyphen, **x** bold.
"""
import argparse
import html
import json
import re
import sys


def inline(text):
    text = html.escape(text)
    text = text.replace("{-|}", "&shy;").replace("{-/}", "-")
    return re.sub(r"\*\*(.*?)\*\*", r"<b>\1</b>", text)


def paras(x):
    if isinstance(x, str):
        x = [x]
    return "".join(f"<p>{inline(s)}</p>" for s in x)


def bullets(items):
    return "<ul>" + "".join(f"<li>{inline(i)}</li>" for i in items) + "</ul>"


def cells(row, label=False):
    cls = ' class="lab"' if label else ""
    return "<tr>" + "".join(f"<td{cls}>{paras(c)}</td>" for c in row) + "</tr>"


def block(b):
    t = b["t"]
    if t == "p":
        style = b.get("style", "body")
        tag = {"title": "h1", "h": "h2", "h1": "h2", "sub": "h3"}.get(style, "p")
        cls = ' class="right"' if style == "right" else ""
        return f"<{tag}{cls}>{inline(b.get('text', ''))}</{tag}>"
    if t == "kv":
        rows = "".join(f'<tr><td class="lab">{paras(l)}</td><td>{paras(v)}</td></tr>' for l, v in b["rows"])
        return f'<table class="kv">{rows}</table>'
    if t == "grid":
        labels = set(b.get("label_rows", [0]))
        return "<table>" + "".join(cells(r, i in labels) for i, r in enumerate(b["rows"])) + "</table>"
    if t == "tasks":
        rows = "".join(f"<tr><td>{paras(n)}</td><td>{bullets(r)}</td></tr>" for n, r in b["rows"])
        return f"<table>{cells(b['header'], True)}{rows}</table>"
    if t == "bullets":
        return bullets(b["items"])
    if t == "block":
        out = ""
        for item in b["content"]:
            if "p" in item:
                out += paras(item["p"])
            elif "group" in item:
                out += f"<p><b>{inline(item['group'])}</b></p>"
            elif "bullets" in item:
                out += bullets(item["bullets"])
        return f'<table><tr><td class="lab">{paras(b["label"])}</td></tr><tr><td>{out}</td></tr></table>'
    if t == "sign":
        return '<table class="sign">' + "".join(cells(r) for r in b["rows"]) + "</table>"
    return ""


CSS = """@page { size: A4; margin: 2cm 2cm 2cm 2.5cm }
body { font-family: "{font}"; font-size: {size}pt }
h1 { font-size: 14pt } h2 { font-size: 12pt; margin: 12pt 0 6pt } h3 { font-size: 11pt }
p { margin: 0 0 3pt 0 } .right { text-align: right }
table { border-collapse: collapse; width: 100%; margin-bottom: 8pt }
td { border: 0.5pt solid #000; vertical-align: top; padding: 2pt 5.4pt }
td.lab { font-weight: bold; background: #eee } table.kv td.lab { width: {label_width}% }
table.sign td { border: none }
ul { margin: 0 0 3pt 0; padding-left: 18pt } li { margin-bottom: {item_space}pt }"""


def main(argv):
    ap = argparse.ArgumentParser(description="a seed source as HTML, for Chromium to print")
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--font", default="DejaVu Sans")
    ap.add_argument("--size", type=float, default=11)
    ap.add_argument("--label-width", type=float, default=30)
    ap.add_argument("--item-space", type=float, default=2)
    a = ap.parse_args(argv[1:])
    css = CSS
    for key, value in (("font", a.font), ("size", f"{a.size:g}"), ("label_width", f"{a.label_width:g}"),
                       ("item_space", f"{a.item_space:g}")):
        css = css.replace("{" + key + "}", value)
    with open(a.src, encoding="utf-8") as f:
        src = json.load(f)
    body = "".join(block(b) for b in src["blocks"])
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(f'<!doctype html><html lang="et"><head><meta charset="utf-8"><style>{css}</style>'
                f"</head><body>{body}</body></html>\n")


if __name__ == "__main__":
    main(sys.argv)
