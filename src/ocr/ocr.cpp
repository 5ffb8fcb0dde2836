// ocr.cpp — Tesseract (LSTM) over a Leptonica image cleared of specks and
// straightened by pixFindSkewAndDeskew.
#include "ocr/ocr.h"

#include <leptonica/allheaders.h>
#include <omp.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <vector>

#include "ocr/bullets.h"
#include "ocr/final_marks.h"
#include "ocr/pix.h"

namespace aj::ocr {
namespace {

// A mark (no letter or digit) read with less confidence than this is a speck:
// on the seed scans real marks come back at 96.9–99.6, specks read as ' " : .
// at 83–96.4 ("|" always is one).
constexpr float kSureMark = 96.5;

PixPtr to_pix(const Image& image) {
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (!pix) return pix;
  pixSetResolution(pix.get(), static_cast<l_int32>(image.dpi), static_cast<l_int32>(image.dpi));
  l_uint32* data = pixGetData(pix.get());
  const l_int32 wpl = pixGetWpl(pix.get());
  for (int y = 0; y < image.height; ++y) {
    const unsigned char* row = image.grey + static_cast<size_t>(y) * image.stride;
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  return pix;
}

// Whitens a scan's specks: dark blobs under half a millimetre across with no
// other ink within 1 mm. Tesseract reads such a blob in a table's white
// space as "|", "'" or ":", which then splits columns and ends values with
// junk. A letter's dot or diacritic (i, õ, ä, ö, ü, š, ž) sits closer to its
// letter than that, so it stays; a speck touching text stays too.
void despeckle(PIX* grey, double dpi) {
  const l_int32 speck = std::max(2, static_cast<int>(dpi * 0.5 / 25.4 + 0.5));
  const l_int32 reach = std::max(3, static_cast<int>(dpi * 1.0 / 25.4 + 0.5));
  PixPtr ink(pixThresholdToBinary(grey, 180));
  if (!ink) return;
  l_int32 changed = 0;
  PixPtr small(pixSelectBySize(ink.get(), speck, speck, 8, L_SELECT_IF_BOTH, L_SELECT_IF_LTE, &changed));
  if (!small || !changed) return;
  PixPtr large(pixSubtract(nullptr, ink.get(), small.get()));
  PixPtr near(large ? pixDilateBrick(nullptr, large.get(), 2 * reach + 1, 2 * reach + 1) : nullptr);
  PixPtr touching(near ? pixAnd(nullptr, small.get(), near.get()) : nullptr);
  PixPtr kept(touching ? pixSeedfillBinary(nullptr, touching.get(), small.get(), 8) : nullptr);
  PixPtr specks(kept ? pixSubtract(nullptr, small.get(), kept.get()) : nullptr);
  if (specks) pixSetMasked(grey, specks.get(), 255);
}

// Whitens the ruling lines of tables and forms: dark runs at least 5 mm long
// and straight across or down. Tesseract reads a cell's border as "|" or "—"
// at the start of the text beside it; the layout stage finds columns and
// rows from the words' geometry anyway, as for a born-digital page (whose
// rules are not words either). An underline goes too; no letter is that long.
void remove_rules(PIX* grey, double dpi) {
  const l_int32 length = std::max(20, static_cast<int>(dpi * 5.0 / 25.4 + 0.5));
  PixPtr ink(pixThresholdToBinary(grey, 180));
  if (!ink) return;
  PixPtr across(pixOpenBrick(nullptr, ink.get(), length, 1));
  PixPtr down(pixOpenBrick(nullptr, ink.get(), 1, length));
  if (!across || !down) return;
  PixPtr rules(pixOr(nullptr, across.get(), down.get()));
  PixPtr wide(rules ? pixDilateBrick(nullptr, rules.get(), 3, 3) : nullptr);   // and their soft edges
  if (wide) pixSetMasked(grey, wide.get(), 255);
}

// One recognised character with its confidence and horizontal extent (pixels).
struct Symbol {
  std::string text;
  float confidence = 0;
  int x0 = 0, x1 = 0;
  bool mark = false;     // no letter or digit
  bool letter = false;   // a letter (not a digit)
};

bool is_letter(const std::string& utf8) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(utf8.data(), i, static_cast<int32_t>(utf8.size()), c);
  return c >= 0 && u_isalpha(c);
}

// Marks that never join two letters of an Estonian word: between letters
// they are a speck in the gap between two words ("on'tähtaegselt",
// "või.muud"). A hyphen or a slash may ("IT-arendus", "ja/või").
bool gap_mark(const std::string& t) {
  return t == "." || t == "," || t == ":" || t == ";" || t == "'" || t == "\"" || t == "|" || t == "`" ||
         t == "\u2019" || t == "\u201d" || t == "\u201e";
}

// The symbols of the word the iterator is at.
std::vector<Symbol> word_symbols(const tesseract::ResultIterator& word) {
  std::vector<Symbol> out;
  tesseract::ResultIterator s(word);
  do {
    std::unique_ptr<char[]> text(s.GetUTF8Text(tesseract::RIL_SYMBOL));
    if (!text || !text[0]) continue;
    Symbol sym;
    sym.text = text.get();
    sym.confidence = s.Confidence(tesseract::RIL_SYMBOL);
    int y0 = 0, y1 = 0;
    s.BoundingBox(tesseract::RIL_SYMBOL, &sym.x0, &y0, &sym.x1, &y1);
    sym.mark = !has_letter_or_digit(sym.text);
    sym.letter = !sym.mark && is_letter(sym.text);
    out.push_back(std::move(sym));
  } while (s.Next(tesseract::RIL_SYMBOL) && !s.IsAtBeginningOf(tesseract::RIL_WORD));
  return out;
}

// A word's symbols as the words they are: specks read as marks are left out
// (counted in *left_out) and a speck between two letters splits the word in
// two. A mark Tesseract is unsure of goes, unless it opens the line (a
// bullet) or follows a digit (the dot of "2.2.").
std::vector<std::vector<const Symbol*>> split_specks(const std::vector<Symbol>& symbols, bool opens_line,
                                                     int* left_out) {
  std::vector<std::vector<const Symbol*>> words(1);
  for (size_t i = 0; i < symbols.size(); ++i) {
    const Symbol& s = symbols[i];
    if (!s.mark) {
      words.back().push_back(&s);
      continue;
    }
    const bool after_letter = i > 0 && symbols[i - 1].letter;
    const bool before_letter = i + 1 < symbols.size() && symbols[i + 1].letter;
    // A job description never writes "|": it is what is left of a rule.
    const bool unsure = s.confidence < kSureMark || s.text == "|";
    if (after_letter && before_letter && (gap_mark(s.text) || unsure)) {
      ++*left_out;
      if (!words.back().empty()) words.emplace_back();
      continue;
    }
    const bool bullet = opens_line && symbols.size() == 1 && s.text != "|";   // a mark alone at a line's start
    const bool after_digit = i > 0 && !symbols[i - 1].mark && !symbols[i - 1].letter;
    if (unsure && !bullet && !after_digit) {
      ++*left_out;
      continue;
    }
    words.back().push_back(&s);
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

// The white between two symbols of a word, in pixels: the run of columns
// with no ink over the band y0..y1, around the middle of the gap between
// their boxes (an LSTM's symbol boxes are approximate; the ink is not).
int white_between(PIX* ink, const Symbol& left, const Symbol& right, int y0, int y1) {
  const int from = std::min(left.x1, right.x0), to = std::max(left.x1, right.x0);
  auto empty = [&](int x) {
    for (int y = y0; y <= y1; ++y) {
      l_uint32 v = 0;
      if (pixGetPixel(ink, x, y, &v) == 0 && v) return false;
    }
    return true;
  };
  int a = (from + to) / 2, b = a;
  if (!empty(a)) return 0;
  while (a - 1 > left.x0 && empty(a - 1)) --a;
  while (b + 1 < right.x1 && empty(b + 1)) ++b;
  return b - a + 1;
}

// Splits a word where two of its letters stand a word space apart: the LSTM
// runs words together ("saadatööalast", "Igatööülesande") when it misses a
// space, and is then unsure of the whole (no dictionary holds the run: on
// the seed scans 62–77, against 90 and more for most words). A space is a
// quarter of an em and more; the white between two letters of one word is
// far under a fifth (kTightestSpace) of the page's body line height, even
// in capitals ("KINNITATUD", whose own line is lower). Digits are left
// alone: "11" in a serif face stands that far apart. Counts each split in
// *splits.
constexpr double kTightestSpace = 0.2;
constexpr double kRunTogetherConfidence = 90;

std::vector<std::vector<const Symbol*>> split_wide_gaps(const std::vector<std::vector<const Symbol*>>& parts, PIX* ink,
                                                        int y0, int y1, int body_height, int* splits) {
  if (!ink || body_height <= 0) return parts;
  const double least = kTightestSpace * body_height;
  std::vector<std::vector<const Symbol*>> out;
  for (const auto& part : parts) {
    out.emplace_back();
    for (size_t i = 0; i < part.size(); ++i) {
      if (i > 0 && part[i - 1]->letter && part[i]->letter && white_between(ink, *part[i - 1], *part[i], y0, y1) >= least) {
        out.emplace_back();
        ++*splits;
      }
      out.back().push_back(part[i]);
    }
  }
  return out;
}

// The median height of the page's text lines, in pixels (0 with none).
int median_line_height(const tesseract::ResultIterator& at) {
  tesseract::ResultIterator it(at);
  it.Begin();
  std::vector<int> heights;
  do {
    int x0, y0, x1, y1;
    if (it.BoundingBox(tesseract::RIL_TEXTLINE, &x0, &y0, &x1, &y1)) heights.push_back(y1 - y0);
  } while (it.Next(tesseract::RIL_TEXTLINE));
  if (heights.empty()) return 0;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  return heights[heights.size() / 2];
}

// A text line's box as Tesseract gives it spans its tallest letter and its
// lowest descender, so its top moves by a couple of points with what the line
// holds ("Olemas" has ascenders, "ning toimub" fewer) and the pitch between
// lines of one paragraph looks uneven — enough for the layout stage to see a
// paragraph break. A PDF's words instead share their font's ascent and
// descent. So each word is placed on its line's baseline with the height of
// a line of body text on this page (the median line height), as a font
// would place it: 3/4 above the baseline, 1/4 below. A line's own box may
// be half as tall again as the median (a caron, a descender and a speck in
// one line); only one under 0.6 or over 1.8 times the median (a footnote, a
// title) keeps its own height.
void place_on_baselines(std::vector<Word>& words, const std::vector<double>& baselines) {
  if (words.empty() || words.size() != baselines.size()) return;
  std::vector<double> heights;
  for (const Word& w : words) heights.push_back(w.box.y1 - w.box.y0);
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  const double median = heights[heights.size() / 2];
  for (size_t i = 0; i < words.size(); ++i) {
    Word& w = words[i];
    const double own = w.box.y1 - w.box.y0;
    const double h = own > 0.6 * median && own < 1.8 * median ? median : own;
    w.box.y0 = baselines[i] - 0.75 * h;
    w.box.y1 = baselines[i] + 0.25 * h;
    w.size = h;
  }
}

}  // namespace

bool has_letter_or_digit(std::string_view utf8) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(utf8.data(), i, n, c);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

struct Engine::Impl {
  tesseract::TessBaseAPI api;
  std::string languages;
};

Engine::Engine() : impl_(std::make_unique<Impl>()) {}
Engine::~Engine() { impl_->api.End(); }

std::unique_ptr<Engine> Engine::create(const std::string& languages, std::string* error) {
  std::unique_ptr<Engine> engine(new Engine());
  engine->impl_->languages = languages;
  // Tesseract prints its own complaints to stderr; the error message below says what matters.
  engine->impl_->api.SetVariable("debug_file", "/dev/null");
  if (engine->impl_->api.Init(nullptr, languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    if (error)
      *error = "Tesseract cannot load the language data '" + languages +
               "' (install tesseract-ocr-est / tesseract-ocr-eng, or set TESSDATA_PREFIX to the tessdata folder)";
    return nullptr;
  }
  engine->impl_->api.SetPageSegMode(tesseract::PSM_AUTO);
  return engine;
}

const std::string& Engine::languages() const { return impl_->languages; }

Page Engine::read(const Image& image) const {
  Page out;
  PixPtr pix = to_pix(image);
  if (!pix) return out;
  remove_rules(pix.get(), image.dpi);
  despeckle(pix.get(), image.dpi);
  // Straighten small angles first: Tesseract copes with skew, but the layout
  // stage groups lines and columns by level coordinates.
  l_float32 angle = 0, confidence = 0;
  PixPtr straight(pixFindSkewAndDeskew(pix.get(), 0, &angle, &confidence));
  if (straight) out.skew_degrees = angle;
  PIX* source = straight ? straight.get() : pix.get();
  PixPtr ink(pixThresholdToBinary(source, 180));   // for the shapes and gaps looked at after recognition

  // No OpenMP team: Tesseract asks for ten threads per network layer, which on
  // two cores, beside the other workers, mostly spin (measured: a scanned page
  // 7 s with them, 1.6 s without). Its num_threads clauses override
  // omp_set_num_threads(), but no region runs in parallel above the maximum
  // number of active levels.
  omp_set_max_active_levels(0);   // an ICV of the calling thread: set where Recognize() runs
  auto& api = impl_->api;
  api.SetImage(source);
  api.SetSourceResolution(static_cast<int>(image.dpi));
  if (api.Recognize(nullptr) != 0) {
    api.Clear();
    return out;
  }
  const double to_points = 72.0 / image.dpi;
  std::vector<double> baselines;   // each word's line's baseline under it, in points
  std::vector<PixelBox> word_boxes;   // every word Tesseract returned, in pixels
  std::vector<LineStart> lines;       // each text line's first word kept ...
  std::vector<size_t> line_starts;    // ... and its index in out.words
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  const int body_height = it ? median_line_height(*it) : 0;
  if (it) {
    bool opens_line = true;
    bool line_started = false;
    do {
      const bool first = opens_line;
      if (first) line_started = false;
      opens_line = it->IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_WORD);
      int x0, y0, x1, y1;
      if (!it->BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1)) continue;
      int lx0, ly0, lx1, ly1;
      const bool has_line = it->BoundingBox(tesseract::RIL_TEXTLINE, &lx0, &ly0, &lx1, &ly1);
      // A word's own box is glyph-tight ("juht" is taller than "vana", "Vahetu"
      // starts higher than "juht"): the words of one text line get the line's
      // top and bottom, as a PDF's words share their font's, so the layout
      // stage sees one level line. The baseline is kept to place it (below).
      int bx0 = 0, by0 = 0, bx1 = 0, by1 = 0;
      const bool has_base = it->Baseline(tesseract::RIL_TEXTLINE, &bx0, &by0, &bx1, &by1);
      if (has_line) {
        y0 = ly0;
        y1 = ly1;
      }
      const double base = !has_base ? y1 : bx1 == bx0 ? by0 : by0 + double(by1 - by0) * ((x0 + x1) / 2.0 - bx0) / (bx1 - bx0);
      const double confidence = it->Confidence(tesseract::RIL_WORD);
      const std::vector<Symbol> symbols = word_symbols(*it);
      auto parts = split_wide_gaps(split_specks(symbols, first, &out.unsure_marks),
                                   confidence < kRunTogetherConfidence ? ink.get() : nullptr, y0, y1, body_height,
                                   &out.split_words);
      word_boxes.push_back(PixelBox{x0, y0, x1, y1});
      // A sure mark at the word's end may still be a speck (final_marks.h).
      std::string mended;   // the last part's last symbol read anew, if it was
      bool dropped = false;
      if (!parts.empty() && parts.back().size() > 1 && parts.back().back()->mark &&
          parts.back()[parts.back().size() - 2]->letter) {
        const std::string& mark = parts.back().back()->text;
        switch (weigh_final_mark(ink.get(), x1, y0, y1, body_height, mark)) {
          case MarkInk::speck:
            parts.back().pop_back();
            dropped = true;
            ++out.speck_marks;
            break;
          case MarkInk::lower:
            mended = mark == ":" ? "." : ",";
            ++out.speck_marks;
            break;
          case MarkInk::print:
            break;
        }
      }
      for (size_t k = 0; k < parts.size(); ++k) {
        Word w;
        for (const Symbol* s : parts[k]) w.text += s->text;
        const bool last = k + 1 == parts.size();
        if (last && !mended.empty()) w.text.replace(w.text.size() - parts[k].back()->text.size(), std::string::npos, mended);
        const bool whole = parts.size() == 1 && !dropped;
        const int px0 = whole ? x0 : parts[k].front()->x0;
        const int px1 = whole ? x1 : parts[k].back()->x1;
        if (!line_started && has_line) {
          lines.push_back(LineStart{PixelBox{lx0, ly0, lx1, ly1}, static_cast<int>(base), PixelBox{px0, y0, px1, y1}});
          line_starts.push_back(out.words.size());
          line_started = true;
        }
        w.box = Box{px0 * to_points, y0 * to_points, px1 * to_points, y1 * to_points};
        w.confidence = confidence;   // size: place_on_baselines() below
        baselines.push_back(base * to_points);
        w.space_after = k + 1 < parts.size() || !it->IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_WORD);
        out.words.push_back(std::move(w));
      }
    } while (it->Next(tesseract::RIL_WORD));
  }
  api.Clear();
  // Bullets Tesseract left out go in before their line's first word, last
  // line first so that the indexes still hold; each takes that word's
  // confidence (the shape test has none of its own).
  std::vector<FoundBullet> bullets = find_dropped_bullets(ink.get(), lines, word_boxes);
  std::sort(bullets.begin(), bullets.end(), [](const FoundBullet& a, const FoundBullet& b) { return a.line > b.line; });
  for (const FoundBullet& b : bullets) {
    const size_t at = line_starts[b.line];
    Word w;
    w.text = b.text;
    w.box = Box{b.box.x0 * to_points, lines[b.line].line.y0 * to_points, b.box.x1 * to_points,
                lines[b.line].line.y1 * to_points};
    w.confidence = out.words[at].confidence;
    w.space_after = true;
    out.words.insert(out.words.begin() + static_cast<std::ptrdiff_t>(at), std::move(w));
    baselines.insert(baselines.begin() + static_cast<std::ptrdiff_t>(at), baselines[at]);
  }
  out.shaped_bullets = static_cast<int>(bullets.size());
  place_on_baselines(out.words, baselines);
  return out;
}

}  // namespace aj::ocr
