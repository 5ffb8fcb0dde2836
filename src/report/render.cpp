// render.cpp — pages to PNG with poppler::page_renderer, in a child process
// (render.h says why). The child writes one line per event to a pipe, tab-
// separated, errors with their tabs and newlines made spaces:
//   doc  COUNT ERROR            once, after opening the PDF
//   page N WIDTH HEIGHT SCALE ERROR   after each page, in the order asked
//   oom                         when an allocation failed, just before it dies
// Poppler's own error messages (it prints them to stderr by default) are
// caught and kept for the error string instead.
#include "report/render.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <sstream>

#include "core/out_of_memory.h"

namespace aj::report {
namespace {

std::string g_poppler_message;
int g_pipe = -1;   // the child's end

void keep_poppler_message(const std::string& message, void*) { g_poppler_message = message; }

std::string with_poppler_message(std::string what) {
  return g_poppler_message.empty() ? what : what + " (Poppler: " + g_poppler_message + ")";
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

void say(const std::string& line) {
  const std::string out = line + "\n";
  size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = write(g_pipe, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) _exit(1);
    done += static_cast<size_t>(n);
  }
}

void say_out_of_memory() {
  static const char line[] = "oom\n";
  (void)!write(g_pipe, line, sizeof line - 1);   // async-signal-safe
}

// The PNG of page `number`: its file name in the report's files/ folder.
std::string page_file(const std::string& stem, int number) { return stem + "-p" + std::to_string(number) + ".png"; }

// The resolution at which the page's image stays within max_pixels.
double page_dpi(const poppler::page& page, int dpi, double max_pixels) {
  const poppler::rectf box = page.page_rect(poppler::media_box);
  const double area = std::max(1.0, box.width() * box.height());   // points²; the same turned or not
  const double pixels = area * (dpi / 72.0) * (dpi / 72.0);
  return pixels <= max_pixels ? dpi : dpi * std::sqrt(max_pixels / pixels);
}

// The child: renders `pages` in order, saying each, then exits.
[[noreturn]] void render_in_child(const std::string& pdf_path, const std::vector<int>& pages, int dpi,
                                  const std::string& dir, const std::string& stem, const RenderLimits& limits) {
  rlimit as{limits.memory_bytes, limits.memory_bytes};
  setrlimit(RLIMIT_AS, &as);
  say_when_out_of_memory(say_out_of_memory);
  poppler::set_debug_error_function(keep_poppler_message, nullptr);
  g_poppler_message.clear();
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf_path));
  if (!doc) {
    say("doc\t0\t" + one_line(with_poppler_message("Poppler could not open the PDF")));
    _exit(0);
  }
  if (doc->is_locked()) {
    say("doc\t0\tthe PDF is locked with a password");
    _exit(0);
  }
  if (!poppler::page_renderer::can_render()) {
    say("doc\t0\tthis Poppler build cannot render pages");
    _exit(0);
  }
  const int count = doc->pages();
  say("doc\t" + std::to_string(count) + "\t");
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_rgb24);   // no alpha: smaller PNGs
  for (int number : pages) {
    if (number < 1 || number > count) continue;
    const std::string file = page_file(stem, number);
    std::string error;
    int width = 0, height = 0;
    double scale = dpi / 72.0;
    g_poppler_message.clear();
    std::unique_ptr<poppler::page> page(doc->create_page(number - 1));
    if (!page) {
      error = with_poppler_message("Poppler could not read page " + std::to_string(number));
    } else {
      const double at = page_dpi(*page, dpi, limits.max_pixels);
      scale = at / 72.0;
      poppler::image image = renderer.render_page(page.get(), at, at);
      if (!image.is_valid())
        error = with_poppler_message("Poppler could not render page " + std::to_string(number));
      else if (!image.save(dir + "/" + file, "png", static_cast<int>(std::lround(at))))
        error = "could not write " + dir + "/" + file;
      else
        width = image.width(), height = image.height();
    }
    std::ostringstream line;
    line.precision(17);
    line << "page\t" << number << "\t" << width << "\t" << height << "\t" << scale << "\t" << one_line(error);
    say(line.str());
  }
  _exit(0);
}

double now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == '\t') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

// What one child did before it ended.
struct ChildRun {
  bool opened = false;       // said its doc line
  bool out_of_memory = false;
  bool timed_out = false;
  int status = 0;            // waitpid's
};

std::string why_child_died(const ChildRun& run, const RenderLimits& limits) {
  char text[160];
  if (run.out_of_memory)
    std::snprintf(text, sizeof text, "ran out of the report's memory limit of %.0f MiB (report --max-memory)",
                  static_cast<double>(limits.memory_bytes) / (1 << 20));
  else if (run.timed_out)
    std::snprintf(text, sizeof text, "took longer than the report's limit of %g s for one page", limits.page_seconds);
  else if (WIFSIGNALED(run.status))
    std::snprintf(text, sizeof text, "crashed (signal %d, %s)", WTERMSIG(run.status), strsignal(WTERMSIG(run.status)));
  else
    std::snprintf(text, sizeof text, "stopped with status %d", WEXITSTATUS(run.status));
  return text;
}

}  // namespace

Rendering render_pages(const std::string& pdf_path, const std::vector<int>& pages, int dpi, const std::string& dir,
                       const std::string& stem, const RenderLimits& limits) {
  Rendering out;
  std::vector<int> remaining = pages;
  while (!remaining.empty()) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
      out.error = std::string("cannot start the page renderer: ") + std::strerror(errno);
      return out;
    }
    const pid_t pid = fork();
    if (pid < 0) {
      close(fds[0]);
      close(fds[1]);
      out.error = std::string("cannot start the page renderer: ") + std::strerror(errno);
      return out;
    }
    if (pid == 0) {
      close(fds[0]);
      g_pipe = fds[1];
      render_in_child(pdf_path, remaining, dpi, dir, stem, limits);
    }
    close(fds[1]);
    ChildRun run;
    std::string buffer;
    double deadline = now() + limits.page_seconds;
    for (bool open = true; open;) {
      pollfd p{fds[0], POLLIN, 0};
      const int wait_ms = static_cast<int>(std::max(0.0, deadline - now()) * 1000) + 1;
      const int ready = poll(&p, 1, wait_ms);
      if (ready < 0 && errno == EINTR) continue;
      if (ready == 0) {
        run.timed_out = true;
        kill(pid, SIGKILL);
        break;
      }
      char chunk[4096];
      const ssize_t n = read(fds[0], chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      buffer.append(chunk, static_cast<size_t>(n));
      for (size_t end; (end = buffer.find('\n')) != std::string::npos;) {
        const auto field = split_tabs(buffer.substr(0, end));
        buffer.erase(0, end + 1);
        deadline = now() + limits.page_seconds;
        if (field[0] == "oom") {
          run.out_of_memory = true;
        } else if (field[0] == "doc" && field.size() >= 3) {
          run.opened = true;
          out.page_count = std::atoi(field[1].c_str());
          if (!field[2].empty()) {
            out.error = field[2];
            open = false;
            remaining.clear();
          }
          std::erase_if(remaining, [&](int page) { return page < 1 || page > out.page_count; });
        } else if (field[0] == "page" && field.size() >= 6) {
          RenderedPage rp;
          rp.page = std::atoi(field[1].c_str());
          rp.file = page_file(stem, rp.page);
          rp.width = std::atoi(field[2].c_str());
          rp.height = std::atoi(field[3].c_str());
          rp.scale = std::strtod(field[4].c_str(), nullptr);
          rp.error = field[5];
          out.pages.push_back(std::move(rp));
          if (!remaining.empty()) remaining.erase(remaining.begin());
        }
      }
    }
    close(fds[0]);
    while (waitpid(pid, &run.status, 0) < 0 && errno == EINTR) {
    }
    if (remaining.empty()) break;
    // The child died (or was killed) on the first page it had not said.
    if (!run.opened) {
      out.error = "the page renderer " + why_child_died(run, limits) + " while opening the PDF";
      return out;
    }
    RenderedPage failed;
    failed.page = remaining.front();
    failed.file = page_file(stem, failed.page);
    failed.error = "page " + std::to_string(failed.page) + " cannot be shown: its renderer " +
                   why_child_died(run, limits);
    out.pages.push_back(std::move(failed));
    remaining.erase(remaining.begin());
  }
  return out;
}

}  // namespace aj::report
