// values.cpp — field parsers over text (see values.h). The Estonian words
// they look for come from _common.toml, not from this file.
#include "recognize/values.h"

#include <algorithm>
#include <cstdio>

#include "normalize/text.h"

namespace aj::recognize {
namespace {

// Splits at `sep` characters that stand outside parentheses.
std::vector<std::string> split_outside_parens(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  for (char ch : s) {
    if (ch == '(') ++depth;
    if (ch == ')' && depth > 0) --depth;
    if (ch == sep && depth == 0) {
      out.push_back(trim(cur));
      cur.clear();
      continue;
    }
    cur += ch;
  }
  out.push_back(trim(cur));
  return out;
}

std::string join_words(const std::vector<std::string>& w, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) out += (out.empty() ? "" : " ") + w[i];
  return out;
}

// The trailing "( … )" of s, if s ends with one: its start index, else npos.
size_t trailing_paren(const std::string& s) {
  if (s.empty() || s.back() != ')') return std::string::npos;
  int depth = 0;
  for (size_t i = s.size(); i-- > 0;) {
    if (s[i] == ')') ++depth;
    if (s[i] == '(' && --depth == 0) return i;
  }
  return std::string::npos;
}

// Splits one comma-free part at joiner words that follow a position's head noun.
void split_at_joiners(const std::string& part, const Common& c, std::vector<std::string>& out) {
  auto w = words_of(part);
  size_t start = 0;
  int depth = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    for (char ch : w[i]) depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
    if (depth != 0 || i + 1 >= w.size()) continue;
    if (!RE2::FullMatch(w[i + 1], *c.list_joiner)) continue;
    std::string left = join_words(w, start, i + 1);
    if (size_t p = trailing_paren(left); p != std::string::npos) left = trim(left.substr(0, p));
    auto lw = words_of(left);
    if (!lw.empty() && RE2::PartialMatch(lw.back(), *c.position_head)) {
      out.push_back(join_words(w, start, i + 1));
      start = i + 2;
      ++i;
    }
  }
  if (start < w.size()) out.push_back(join_words(w, start, w.size()));
}

// Two position names with nothing between them: a head noun, then a
// capitalised word (not an abbreviation such as "IT") ending in another.
bool runs_together(const std::string& item, const Common& c) {
  static const RE2 capitalised("^\\p{Lu}\\p{Ll}");
  auto w = words_of(item);
  int depth = 0;
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    for (char ch : w[i]) depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
    if (depth == 0 && RE2::PartialMatch(w[i], *c.position_head) && RE2::PartialMatch(w[i + 1], capitalised) &&
        RE2::PartialMatch(w[i + 1], *c.position_head))
      return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : s) {
    if (ch == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += ch;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(' ');
  if (a == std::string::npos) return "";
  size_t b = s.find_last_not_of(' ');
  return s.substr(a, b - a + 1);
}

std::string strip_final_period(const std::string& s) {
  std::string t = trim(s);
  while (!t.empty() && t.back() == '.') t.pop_back();
  return trim(t);
}

Positions parse_positions(const std::string& text, const Common& c) {
  Positions out;
  std::string t = trim(text);
  if (t.empty() || RE2::FullMatch(t, *c.none_marker)) return out;
  t = strip_final_period(t);
  if (size_t p = trailing_paren(t); p != std::string::npos) {
    std::string inner = trim(t.substr(p + 1, t.size() - p - 2));
    if (RE2::PartialMatch(inner, *c.scope)) {
      out.scope = strip_final_period(inner);
      t = strip_final_period(t.substr(0, p));
    }
  }
  for (const auto& part : split_outside_parens(t, ','))
    if (!part.empty()) split_at_joiners(part, c, out.items);
  for (const auto& item : out.items)
    if (runs_together(item, c)) out.unsplit.push_back(item);
  return out;
}

Unit parse_unit(const std::string& text, const Common& c) {
  Unit u;
  std::string t = strip_final_period(text);
  if (size_t p = trailing_paren(t); p != std::string::npos) {
    std::string inner = trim(t.substr(p + 1, t.size() - p - 2));
    if (RE2::FullMatch(inner, *c.team)) {
      u.team = inner;
      t = trim(t.substr(0, p));
    } else if (c.unit_aside && RE2::FullMatch(inner, *c.unit_aside)) {
      t = trim(t.substr(0, p));
    }
  }
  auto parts = split_outside_parens(t, ',');
  if (parts.size() == 1) {
    // "Arendusosakonna arendustalitus": a department in the genitive, then the division.
    auto w = words_of(parts[0]);
    for (size_t i = 0; i + 1 < w.size(); ++i) {
      std::string stem;
      if (RE2::FullMatch(w[i], *c.department_genitive, &stem)) {
        std::vector<std::string> dept(w.begin(), w.begin() + i);
        dept.push_back(stem + c.department_nominative_suffix);
        u.department = join_words(dept, 0, dept.size());
        parts = {join_words(w, i + 1, w.size())};
        break;
      }
    }
  }
  for (const auto& part : parts) {
    auto w = words_of(part);
    if (w.empty()) continue;
    if (!u.department && RE2::FullMatch(w.back(), *c.department))
      u.department = part;
    else if (!u.division && RE2::FullMatch(w.back(), *c.division))
      u.division = part;
    else if (!u.division) {
      std::string stem, kind;
      if (RE2::FullMatch(w.back(), *c.division_genitive, &stem, &kind)) {
        w.back() = stem + c.division_nominative_suffix;
        u.division = join_words(w, 0, w.size());
      }
    }
  }
  return u;
}

Education parse_education(const std::string& text, const Common& c) {
  Education e;
  e.text = text;
  for (const auto& [level, re] : c.education_levels)
    if (RE2::PartialMatch(text, *re)) {
      e.level = level;
      break;
    }
  std::string fields;
  if ((RE2::PartialMatch(text, *c.education_fields, &fields) ||
       (c.education_fields_aside && RE2::PartialMatch(text, *c.education_fields_aside, &fields))) &&
      !trim(fields).empty())
    e.fields = trim(fields);
  return e;
}

Experience parse_experience(const std::string& text, const Common& c) {
  Experience x;
  x.text = text;
  int years = 0;
  std::string before, word;
  if (RE2::PartialMatch(text, *c.years_digits, &years)) {
    x.years_min = years;
  } else if (RE2::PartialMatch(text, *c.years_words, &before, &word)) {
    auto it = c.number_words.find(normalize::lower(word));
    if (it != c.number_words.end()) x.years_min = it->second;
  }
  x.required = !RE2::PartialMatch(text, *c.optional_marker);
  return x;
}

std::vector<Language> parse_languages(const std::string& text, const Common& c, int page,
                                      std::vector<Problem>& problems) {
  std::vector<Language> out;
  // Sentences: split after ". " (outside parentheses) followed by a capital.
  std::vector<std::string> sentences;
  std::string cur;
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    depth += ch == '(' ? 1 : (ch == ')' && depth > 0) ? -1 : 0;
    cur += ch;
    if (ch == '.' && depth == 0 && i + 2 < text.size() && text[i + 1] == ' ') {
      static const RE2 upper(R"(^\p{Lu})");
      if (RE2::PartialMatch(text.substr(i + 2, 4), upper)) {
        sentences.push_back(trim(cur));
        cur.clear();
      }
    }
  }
  if (!trim(cur).empty()) sentences.push_back(trim(cur));

  for (const auto& s : sentences) {
    std::string outside, inside;
    int d = 0;
    for (char ch : s) {
      if (ch == '(') { ++d; inside += ' '; continue; }
      if (ch == ')' && d > 0) { --d; inside += ' '; continue; }
      (d ? inside : outside) += ch;
    }
    // The sentence's level is its first valid one, parentheses included
    // ("eesti keel (C1)"). Each language named outside parentheses takes
    // the first level written after it instead, when there is one: "eesti
    // keel C1, inglise keel B1".
    static const RE2 valid("^[ABC][12]$");
    Text level;
    {
      re2::StringPiece rest(s);
      std::string token;
      while (RE2::FindAndConsume(&rest, *c.cefr, &token)) {
        if (!RE2::FullMatch(token, valid))
          problems.push_back(Problem::make(Code::value_invalid, page, "'" + token + "' is not a CEFR level (A1…C2)", s));
        else if (!level)
          level = token;
      }
    }
    std::vector<std::pair<size_t, std::string>> levels;   // (where it ends in `outside`, level)
    {
      re2::StringPiece rest(outside);
      std::string token;
      while (RE2::FindAndConsume(&rest, *c.cefr, &token))
        if (RE2::FullMatch(token, valid)) levels.emplace_back(static_cast<size_t>(rest.data() - outside.data()), token);
    }
    bool required = !RE2::PartialMatch(outside, *c.optional_marker);
    if (RE2::PartialMatch(outside, *c.foreign_language)) {
      Language l{"foreign", level, required, {}};
      for (const auto& [code, re] : c.languages)
        if (RE2::PartialMatch(inside, *re)) l.options.push_back(code);
      out.push_back(l);
      continue;
    }
    // Languages named outside parentheses, in the order they are written.
    std::vector<std::pair<size_t, std::string>> named;
    for (const auto& [code, re] : c.languages) {
      std::string pre, name, post;
      if (RE2::PartialMatch(outside, *re, &pre, &name, &post))
        named.emplace_back(outside.find(name), code);
    }
    std::sort(named.begin(), named.end());
    for (size_t k = 0; k < named.size(); ++k) {
      const size_t next = k + 1 < named.size() ? named[k + 1].first : std::string::npos;
      Text own = level;
      for (const auto& [at, token] : levels)
        if (at > named[k].first && at <= next) {
          own = token;
          break;
        }
      out.push_back(Language{named[k].second, own, required, {}});
    }
  }
  return out;
}

std::vector<std::string> split_qualities(const std::string& text) {
  std::vector<std::string> out;
  for (auto& part : split_outside_parens(strip_final_period(text), ','))
    if (!part.empty()) out.push_back(part);
  return out;
}

Text iso_date(const std::string& dmy) {
  int d = 0, m = 0, y = 0;
  if (std::sscanf(dmy.c_str(), "%d.%d.%d", &d, &m, &y) != 3) return std::nullopt;
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > days[m - 1] || y < 1900 || y > 2200) return std::nullopt;
  if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return std::nullopt;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

}  // namespace aj::recognize
