// builder.cpp — field values → Record fields (see reading.h).
#include <algorithm>

#include "core/fields.h"
#include "normalize/text.h"
#include "recognize/reading.h"
#include "recognize/values.h"

namespace aj::recognize {
std::optional<Box> box_of(const Value& v) {
  std::optional<Box> box;
  int page = 0;
  for (const auto& p : v) {
    if (!p.line || (page && p.line->page != page)) continue;
    page = p.line->page;
    const Box& b = p.line->box;
    if (!box) box = b;
    else box = Box{std::min(box->x0, b.x0), std::min(box->y0, b.y0), std::max(box->x1, b.x1), std::max(box->y1, b.y1)};
  }
  return box;
}

namespace {

int page_of(const Value& v) { return v.empty() || !v.front().line ? 0 : v.front().line->page; }

// Drops the ':' a label may end with and the spaces around it.
std::string clean_label(std::string s) {
  s = trim(s);
  while (!s.empty() && (s.back() == ':' || s.back() == ' ')) s.pop_back();
  return s;
}

// A line "Name:" opens a competency whose bullets are its items; a bullet
// "Name: description" under no such line is a competency of its own; a
// bullet with no colon is a name without items.
void fill_competencies(Builder& b, const Value& v, const std::string& label) {
  Record& r = b.record();
  const std::string group = clean_label(label);
  int open = -1;   // index of the competency a "Name:" line opened
  std::vector<Value> entries;
  std::vector<bool> is_header;
  static const RE2 short_phrase(R"(^[^ ]+( [^ ]+){0,4}:$)");
  std::string previous;
  for (const auto& p : v) {
    std::string t = trim(p.text);
    // "Koostöövõime:" on a line of its own after a finished item.
    bool after_item = previous.empty() || previous.back() == '.' || previous.back() == ';' || previous.back() == ':';
    bool header = !p.bullet && (p.item_start || after_item) && RE2::FullMatch(t, short_phrase);
    previous = t;
    if (header || p.item_start || entries.empty() || (!entries.empty() && is_header.back())) {
      entries.emplace_back();
      is_header.push_back(header);
    }
    entries.back().push_back(p);
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    std::string t = b.join(entries[i]);
    if (t.empty()) continue;
    if (is_header[i]) {
      r.competencies.push_back(Competency{group, clean_label(t), {}});
      open = static_cast<int>(r.competencies.size()) - 1;
    } else if (open >= 0) {
      r.competencies[open].items.push_back(t);
    } else if (auto colon = t.find(':'); colon != std::string::npos) {
      r.competencies.push_back(Competency{group, trim(t.substr(0, colon)), {trim(t.substr(colon + 1))}});
    } else {
      r.competencies.push_back(Competency{group, t, {}});
    }
  }
}

// The employer's block gives a name and a title, the employee's a name;
// either may carry the "signed digitally" mark.
void fill_signature(Builder& b, const fields::Field& f, const Value& v) {
  Record& r = b.record();
  if (!r.signatures) r.signatures = Signatures{};
  std::vector<std::string> lines;
  for (const auto& p : v) {
    std::string t = trim(p.text);
    if (RE2::FullMatch(t, *b.common().digital_signature)) {
      r.signatures->digital = true;
      continue;
    }
    if (!t.empty()) lines.push_back(t);
  }
  if (f.shape == fields::Shape::employer)
    r.signatures->employer = Signatures::Employer{lines.size() > 0 ? Text(lines[0]) : std::nullopt,
                                                  lines.size() > 1 ? Text(lines[1]) : std::nullopt};
  else
    r.signatures->employee = Signatures::Employee{lines.size() > 0 ? Text(lines[0]) : std::nullopt};
}

}  // namespace

Builder::Builder(const layout::Layout& layout, const Common& common, const hyphen::Resolver& hyphens)
    : layout_(layout), common_(common), hyphens_(hyphens), taken_(layout.lines.size(), false), uses_(layout.lines.size()) {
  for (const auto& l : layout.lines) vocab_.add_text(l.text);
}

void Builder::problem(Code code, int page, std::string message, std::string excerpt, std::optional<Box> box) {
  record_.problems.push_back(Problem::make(code, page, std::move(message), std::move(excerpt), box));
}

std::string Builder::join(const Value& v) {
  std::vector<std::string> lines;
  for (const auto& p : v)
    if (!trim(p.text).empty()) lines.push_back(p.text);
  std::vector<hyphen::Decision> log;
  std::string out = normalize::collapse_spaces(normalize::strip_soft_hyphens(hyphens_.join_lines(lines, vocab_, &log)));
  for (const auto& d : log)
    if (!d.certain)
      problem(Code::hyphen_uncertain, page_of(v),
              "no rule decided the line-end hyphen in '" + d.left + "|" + d.right + "'; read as '" + d.result + "'",
              d.left + d.right, box_of(v));
  return out;
}

std::vector<std::string> Builder::items(const Value& v) {
  std::vector<std::string> out;
  Value cur;
  auto flush = [&] {
    std::string t = join(cur);
    if (!t.empty()) out.push_back(t);
    cur.clear();
  };
  for (const auto& p : v) {
    if (p.item_start && !cur.empty()) flush();
    cur.push_back(p);
  }
  flush();
  return out;
}

bool Builder::cut_off(const Value& v) const {
  if (v.empty() || !v.back().line || layout_.lines.empty() || v.back().line != &layout_.lines.back()) return false;
  static const RE2 ends_sentence(R"([.;:!?)»"”…]\s*$)");
  return !RE2::PartialMatch(v.back().text, ends_sentence);
}

bool Builder::has(const std::string& field) const {
  return std::find(fields_set_.begin(), fields_set_.end(), field) != fields_set_.end();
}

// The field's value parser is the registry's (core/fields.h): the generic
// ones fill the field through its accessor, the others their own members.
void Builder::infer(const std::string& field, const Value& v, Problem why) {
  set(field, v, "");
  inferred_.insert_or_assign(field, std::move(why));
}

void Builder::finish() {
  for (auto& [field, why] : inferred_) record_.problems.push_back(std::move(why));
  inferred_.clear();
}

void Builder::set(const std::string& field, const Value& v, const std::string& label) {
  Record& r = record_;
  inferred_.erase(field);   // the document's own words replace a reading
  const int page = page_of(v);
  auto text = [&]() -> Text {
    std::string t = join(v);
    if (t.empty()) return std::nullopt;
    return t;
  };
  // Each line of the value is the field's (its label's line, when the value
  // starts beside the label, is both).
  for (const auto& p : v) {
    if (!p.line || trim(p.text).empty()) continue;
    const auto at = static_cast<size_t>(p.line - layout_.lines.data());
    if (at >= uses_.size()) continue;
    const std::string label_use = "label of " + field;
    uses_[at] = uses_[at].starts_with(label_use) ? "label and value of " + field : "value of " + field;
  }
  // Present only with a value: an empty one leaves a required field missing.
  if (std::any_of(v.begin(), v.end(), [](const Piece& p) { return !trim(p.text).empty(); })) fields_set_.push_back(field);
  const fields::Field* f = fields::fillable(field);
  if (!f) return;   // the grammar loader admits no other names

  switch (f->fill) {
    case fields::Fill::none: break;
    case fields::Fill::plain: f->access.text(r) = text(); break;
    case fields::Fill::appended: {
      Text& dst = f->access.text(r);
      if (Text more = text()) dst = dst ? *dst + " " + *more : *more;
      break;
    }
    case fields::Fill::unit: {
      Text& unit = f->access.text(r);
      unit = text();
      if (!unit) break;
      Unit u = parse_unit(*unit, common_);
      r.department = u.department;
      r.division = u.division;
      r.team = u.team;
      if (!u.department && !u.division)
        problem(Code::value_invalid, page, "no department or division recognised in the unit", *unit, box_of(v));
      break;
    }
    case fields::Fill::positions: {
      Positions p = parse_positions(join(v), common_);
      for (const auto& item : p.unsplit)
        problem(Code::list_unsplit, page, "'" + item + "' reads as several positions with no comma or 'ja' between them",
                item);
      f->access.texts(r) = p.items;
      if (f->access.scope) f->access.scope(r) = p.scope;
      break;
    }
    case fields::Fill::education:
      if (auto t = text()) {
        r.requirements.education = parse_education(*t, common_);
        if (!r.requirements.education->level) problem(Code::value_invalid, page, "no education level recognised", *t, box_of(v));
      }
      break;
    case fields::Fill::experience:
      if (auto t = text()) r.requirements.experience = parse_experience(*t, common_);
      break;
    case fields::Fill::languages:
      if (auto t = text()) {
        auto langs = parse_languages(*t, common_, page, r.problems);
        if (langs.empty()) problem(Code::value_invalid, page, "no language recognised", *t, box_of(v));
        for (auto& l : langs) r.requirements.languages.push_back(std::move(l));
      }
      break;
    case fields::Fill::qualities:
      if (auto t = text()) f->access.texts(r) = split_qualities(*t);
      break;
    case fields::Fill::items: {
      // In a list of rights or duties an item ending in ';' is complete, even
      // when a lost bullet left no other sign that the next line is a new one.
      Value marked = v;
      for (size_t i = 1; i < marked.size(); ++i) {
        const std::string prev = trim(marked[i - 1].text);
        if (!prev.empty() && prev.back() == ';') marked[i].item_start = true;
      }
      auto& dst = f->access.texts(r);
      for (auto& item : items(marked)) dst.push_back(std::move(item));
      break;
    }
    case fields::Fill::competencies: fill_competencies(*this, v, label); break;
    case fields::Fill::signature: fill_signature(*this, *f, v); break;
  }
}

}  // namespace aj::recognize
