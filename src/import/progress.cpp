// progress.cpp — the bar is drawn with "\r" and cleared with ESC[K.
#include "import/progress.h"

#include <cstdio>

namespace aj::importer {

Progress::Progress(std::ostream& out, bool terminal, size_t total_files)
    : out_(out), terminal_(terminal), total_(total_files), start_(std::chrono::steady_clock::now()) {}

void Progress::advance(size_t files, long pages) {
  done_ += files;
  pages_ += pages;
  draw(false);
}

void Progress::ocr_pages(long begun) {
  if (begun == ocr_pages_) return;
  ocr_pages_ = begun;
  draw(false);
}

void Progress::log(const std::string& line) {
  if (terminal_) out_ << "\r\033[K";
  out_ << line << "\n";
  draw(true);
}

void Progress::clear_bar() {
  if (terminal_) out_ << "\r\033[K" << std::flush;
}

void Progress::finish() { clear_bar(); }

void Progress::draw(bool now) {
  if (!terminal_) return;
  const auto t = std::chrono::steady_clock::now();
  if (!now && t - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = t;
  const double elapsed = std::chrono::duration<double>(t - start_).count();
  constexpr int kWidth = 30;
  const int filled = total_ ? static_cast<int>(kWidth * done_ / total_) : kWidth;
  std::string bar(static_cast<size_t>(filled), '#');
  bar.resize(kWidth, '.');
  char eta[32] = "--:--";
  if (done_ > 0 && elapsed > 0.5) {
    const long left = static_cast<long>(elapsed / static_cast<double>(done_) * static_cast<double>(total_ - done_));
    std::snprintf(eta, sizeof eta, "%ld:%02ld", left / 60, left % 60);
  }
  char ocr[64] = "";
  if (ocr_pages_ > 0)
    std::snprintf(ocr, sizeof ocr, "  OCR %ld pages (%.1f/s)", ocr_pages_,
                  elapsed > 0 ? static_cast<double>(ocr_pages_) / elapsed : 0.0);
  char line[200];
  std::snprintf(line, sizeof line, "[%s] %zu/%zu files  %.0f pages/s%s  ETA %s", bar.c_str(), done_, total_,
                elapsed > 0 ? static_cast<double>(pages_) / elapsed : 0.0, ocr, eta);
  out_ << "\r\033[K" << line << std::flush;
}

}  // namespace aj::importer
