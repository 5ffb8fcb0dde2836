// tasks.cpp — the tasks reader: duties by number, bullet or paragraph, and
// their expected results beside them (a task | result table), under them
// (bullets, "Oodatav tulemus:"), after "; - " on the task's own line, or as
// the sentences after the task's first (such a table flattened into lines).
// A task the document stops in is left out and reported.
#include <algorithm>
#include <cctype>

#include "normalize/text.h"
#include "recognize/reading.h"
#include "recognize/values.h"

namespace aj::recognize {
namespace {

// Cuts `text` where `re` matches: what follows goes to *after; the
// pattern's group 1, when it has one, stays at the end of `text`.
bool split_at(const RE2& re, std::string& text, std::string* after) {
  std::vector<re2::StringPiece> sub(re.NumberOfCapturingGroups() + 1);
  if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, sub.data(), static_cast<int>(sub.size()))) return false;
  const size_t at = static_cast<size_t>(sub[0].data() - text.data());
  const size_t keep = sub.size() > 1 && sub[1].data() ? sub[1].size() : 0;
  *after = trim(text.substr(at + sub[0].size()));
  text = trim(text.substr(0, at + keep));
  return !after->empty();
}

// A line that starts a sentence with a capital after a line that ended one,
// at the same left edge: a new paragraph the layout could not see (the line
// above filled the column, so it did not end short).
bool opens_sentence(const layout::Line& l, const layout::Line* prev) {
  static const RE2 capital(R"(^\p{Lu})");
  static const RE2 ended(R"([.;:!?)]\s*$)");
  if (!prev || l.para_start || !RE2::PartialMatch(l.text, capital)) return false;
  return prev->page == l.page && std::abs(prev->box.x0 - l.box.x0) < 2.0 && RE2::PartialMatch(prev->text, ended);
}

// "Auditite planeerimine. Auditi … protseduurireeglitele." → its sentences:
// cut after a full stop followed by a capital.
std::vector<std::string> split_sentences(const std::string& text) {
  static const RE2 boundary(R"(\.\s+(\p{Lu}))");
  std::vector<std::string> out;
  std::string rest = text;
  re2::StringPiece capital;
  while (RE2::PartialMatch(rest, boundary, &capital)) {
    const size_t end = static_cast<size_t>(capital.data() - rest.data());
    out.push_back(trim(rest.substr(0, end)));
    rest = rest.substr(end);
  }
  if (!trim(rest).empty()) out.push_back(trim(rest));
  return out;
}

// Whether line `l` opens a task: by its number (consumed from `text`), a
// bullet or a new paragraph, as the section says; tasks of the last two have no number.
bool starts_task(const Section& sec, TaskMarker marker, const layout::Line& l, const layout::Line* prev, Text* number,
                 std::string* text) {
  switch (marker) {
    case TaskMarker::bullet: *text = l.text; return l.bullet;
    case TaskMarker::paragraph: *text = l.text; return l.para_start || l.bullet || opens_sentence(l, prev);
    case TaskMarker::number:
    case TaskMarker::number_or_paragraph: break;
  }
  re2::StringPiece in(l.text), digits;
  if (!RE2::Consume(&in, *sec.task_start, &digits)) return false;
  *number = std::string(digits);
  *text = std::string(in);
  return true;
}

}  // namespace

void read_tasks(const Section& sec, const SectionLines& s, Builder& b) {
  struct TaskDraft {
    int line;
    Text number;
    Value text, results;
    bool inline_results = false;
  };
  std::vector<TaskDraft> tasks;
  std::vector<int> result_lines;
  TaskMarker marker = sec.task_marker;
  if (marker == TaskMarker::number_or_paragraph) {
    const bool numbered = std::any_of(s.lines.begin(), s.lines.end(), [&](int i) {
      re2::StringPiece in(b.line(i).text);
      return !b.taken(i) && RE2::Consume(&in, *sec.task_start);
    });
    marker = numbered ? TaskMarker::number : TaskMarker::paragraph;
  }
  for (int i : s.lines) {
    if (b.taken(i)) continue;
    const auto& l = b.line(i);
    if (skipped(sec.skip, l.text)) {
      b.take(i, "skipped by a skip rule of section '" + sec.name + "'");
      continue;
    }
    if (l.table >= 0 && l.column >= 1) {
      result_lines.push_back(i);
      continue;
    }
    Text number;
    std::string text;
    // "3.2 teostab …; - dokumendid …": the line's result, cut off the task's text.
    auto split_result = [&](TaskDraft& t, Piece& p) {
      std::string result;
      if (!sec.result_split || !split_at(*sec.result_split, p.text, &result)) return;
      t.inline_results = true;
      t.results.push_back(Piece{result, &l, true, true});
    };
    if (starts_task(sec, marker, l, i > 0 ? &b.line(i - 1) : nullptr, &number, &text)) {
      b.take(i, "task " + number.value_or(std::to_string(tasks.size() + 1)) + " starts");
      tasks.push_back(TaskDraft{i, number, {Piece{text, &l, true, false}}, {}});
      split_result(tasks.back(), tasks.back().text.back());
      continue;
    }
    re2::StringPiece rest(l.text);
    const bool result_label = sec.result_label && RE2::Consume(&rest, *sec.result_label);
    if (tasks.empty() || lone_number(l) || (!result_label && looks_like_label(l, b.known()))) continue;  // unassigned
    TaskDraft& t = tasks.back();
    const std::string task = "task " + t.number.value_or(std::to_string(tasks.size()));
    if (sec.bullet_results && l.bullet) {
      t.inline_results = true;
      b.take(i, "result of " + task + " (a bullet under it)");
      t.results.push_back(Piece{l.text, &l, true, true});
    } else if (result_label) {
      t.inline_results = true;
      b.take(i, "result label and result of " + task);
      t.results.push_back(Piece{std::string(rest), &l, true, false});
    } else if (t.inline_results) {
      b.take(i, "result of " + task);
      t.results.push_back(Piece{l.text, &l, l.bullet, l.bullet});
    } else {
      b.take(i, "text of " + task);
      t.text.push_back(piece_of(l, false));
      split_result(t, t.text.back());
    }
  }
  // Results in the right-hand column belong to the last task started above them.
  for (int i : result_lines) {
    const auto& v = b.line(i);
    int owner = -1;
    for (size_t t = 0; t < tasks.size(); ++t)
      if (at_or_above(b.line(tasks[t].line), v)) owner = static_cast<int>(t);
    if (owner < 0) continue;
    b.take(i, "result of task " + tasks[owner].number.value_or(std::to_string(owner + 1)));
    Piece p = piece_of(v, tasks[owner].results.empty());
    // A result that runs on over a page break is one result.
    static const RE2 ended(R"([.;:!?]\s*$)");
    if (const auto& r = tasks[owner].results; !r.empty() && r.back().line && r.back().line->page < v.page &&
                                               !RE2::PartialMatch(r.back().text, ended))
      p.item_start = false;
    tasks[owner].results.push_back(std::move(p));
  }
  // A task the document stops in is not a whole task: its lines are left
  // for the unassigned-text report.
  if (!tasks.empty() && (b.cut_off(tasks.back().text) || b.cut_off(tasks.back().results))) {
    for (const auto* v : {&tasks.back().text, &tasks.back().results})
      for (const auto& p : *v)
        if (p.line) b.release(static_cast<int>(p.line - b.layout().lines.data()), "the document stops inside this task");
    tasks.pop_back();
  }
  for (auto& t : tasks) {
    Task task{t.number, b.join(t.text), b.items(t.results)};
    if (sec.results_after_sentence && task.results.empty()) {
      auto sentences = split_sentences(task.text);
      if (sentences.size() > 1) {
        task.text = sentences.front();
        task.results.assign(sentences.begin() + 1, sentences.end());
      }
    }
    if (task.results.empty() && sec.expect_results)
      b.problem(Code::task_without_results, b.line(t.line).page,
                "task " + t.number.value_or(std::to_string(b.record().tasks.size() + 1)) + " has no expected results",
                task.text, box_of(t.text));
    b.record().tasks.push_back(std::move(task));
  }
}

}  // namespace aj::recognize
