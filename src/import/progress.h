// progress.h — what an import shows while it runs. On a terminal: one bar
// line (files done of total, pages/s, the pages OCR has begun and their
// rate — an OCR page takes a second or two where a born-digital page takes
// milliseconds, so they are counted apart — and the ETA) redrawn in place at
// most ten times a second, with log lines printed above it. Elsewhere (a pipe, a
// log file): the log lines only. Messages of the diagnostic log (say())
// go through core/log.h with the bar cleared first, so they never share its line.
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>
#include <utility>

#include <spdlog/spdlog.h>

namespace aj::importer {

class Progress {
 public:
  Progress(std::ostream& out, bool terminal, size_t total_files);

  void advance(size_t files, long pages);   // files handled (any outcome), pages parsed
  void ocr_pages(long begun);               // pages the workers have begun to read by OCR, in all
  void log(const std::string& line);       // a per-document line: the import's own output
  // A message of the diagnostic log, formatted only when its level is shown.
  template <class... Args>
  void say(spdlog::level::level_enum level, spdlog::format_string_t<Args...> format, Args&&... args) {
    if (!spdlog::default_logger_raw()->should_log(level)) return;
    clear_bar();
    spdlog::log(level, format, std::forward<Args>(args)...);
    draw(true);
  }
  void finish();                            // clears the bar

 private:
  void draw(bool now);
  void clear_bar();
  std::ostream& out_;
  bool terminal_;
  size_t total_, done_ = 0;
  long pages_ = 0;
  long ocr_pages_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace aj::importer
