// test_report_support.h — what the failure-report tests share: the mixed
// folder (seeds, the bad files, a directive that disagrees with itself and a
// document with text no field takes) imported by the real binary; a
// hand-made archive holding any problems a test wants (store::Archive, as
// the importer writes); headless Chromium for screenshots and the DOM it
// builds; and the screenshot's pixels, read with libpng.
#pragma once

#include <png.h>
#include <sys/stat.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>

#include "store/archive.h"
#include "core/sha256.h"
#include "test_store_support.h"

namespace aj::test {

// The mixed folder, copied under dir/pdfs (so a test may delete a file) and
// imported into dir/db.sqlite; "" when the import did not exit 0.
inline std::string import_mixed(const std::string& dir) {
  const fs::path pdfs = fs::path(dir) / "pdfs";
  fs::create_directories(pdfs);
  std::vector<std::string> sources = seed_pdfs();
  for (const char* bad : {"truncated", "encrypted", "not-a-pdf", "scanned", "unknown-layout", "xss"})
    sources.push_back(corpus(std::string("bad/") + bad + ".pdf"));
  sources.push_back(corpus("mixed/unassigned.pdf"));
  sources.push_back(corpus("directives/2025-40-mismatch.pdf"));
  for (const auto& s : sources) fs::copy_file(s, pdfs / fs::path(s).filename(), fs::copy_options::overwrite_existing);
  const std::string db = dir + "/db.sqlite";
  // OCR off: these tests show how the report names each failure, no_text_layer
  // (scanned.pdf) among them; reading scans is test_ocr.cpp's.
  Ran r = run_aj(dir, {"import", "--db", db, "--jobs", "2", "--ocr", "off", pdfs.string()});
  return r.code == 0 ? db : std::string();
}

// The problems of the `files` entry of a JSON report whose path ends in `name`.
inline const nlohmann::json* report_file(const nlohmann::json& report, const std::string& name) {
  for (const auto& f : report["files"]) {
    const std::string path = f["path"];
    if (path.size() >= name.size() + 1 && path.compare(path.size() - name.size() - 1, std::string::npos, "/" + name) == 0)
      return &f;
  }
  return nullptr;
}

// ---- a hand-made archive -------------------------------------------------

struct MadeDocument {
  std::string path;                 // absolute; need not exist
  Status status = Status::failed;
  Text title;
  int pages = 1;
  std::vector<Problem> problems;
};

// Writes the documents as the importer would (one record each) into
// dir/made.sqlite and returns its path; "" with a message in *error.
inline std::string make_archive(const std::string& dir, const std::vector<MadeDocument>& docs, std::string* error) {
  const std::string path = dir + "/made.sqlite";
  fs::remove(path);
  auto archive = store::Archive::open(path, error);
  if (!archive || !archive->begin_run(store::RunStart{"grammars", "test", {dir}, 1, false}, error)) return "";
  for (const auto& m : docs) {
    store::FileStat stat{m.path, 1000, 0};
    struct stat st {};
    if (::stat(m.path.c_str(), &st) == 0) {
      stat.size = st.st_size;
      stat.mtime_ns = int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec;
    }
    Record r;
    r.source = Source{fs::path(m.path).filename().string(), 1, 1, std::max(1, m.pages)};
    r.status = m.status;
    r.title = m.title;
    r.problems = m.problems;
    r.grammar = m.status == Status::failed ? "" : "ska-label-table";
    store::ParsedDocument doc;
    doc.sha256 = sha256_hex(m.path);
    doc.size = stat.size;
    doc.info.pages = m.pages;
    doc.records.push_back(std::move(r));
    doc.paths.push_back(stat);
    if (!archive->write_document(doc, "test", error)) return "";
  }
  if (!archive->finish_run(store::RunCounts{}, error)) return "";
  return path;
}

// ---- Chromium ----------------------------------------------------------------

// Debian's chromium on PATH; "" when there is none.
inline std::string chromium_binary() {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    const size_t end = dirs.find(':', start);
    const std::string d = dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
    for (const char* name : {"chromium", "chromium-browser"}) {
      const std::string candidate = (d.empty() ? "." : d) + "/" + name;
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return "";
}

inline const char* kNoChromium =
    "chromium is not installed: the HTML report tests need Debian's chromium package (scripts/setup installs it)";

// Runs headless Chromium on the file with `mode` ("--screenshot=PNG" or
// "--dump-dom"); its stdout. Killed after 60 s.
inline Ran run_chromium(const std::string& dir, const std::string& mode, const std::string& html_file) {
  const std::string profile = dir + "/chromium-profile";
  fs::create_directories(profile);
  const std::string out = dir + "/chromium.out", err = dir + "/chromium.err";
  const std::string url = "file://" + fs::absolute(html_file).string();
  std::vector<std::string> args{chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                "--no-first-run", "--user-data-dir=" + profile, mode, "--window-size=1200,1600",
                                url};
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = spawn(args, out, err);
  Ran r;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(60)) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    usleep(20'000);
  }
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

// The end of a long output (Chromium's stderr is mostly D-Bus noise), for INFO().
inline std::string tail(const std::string& s, size_t n = 1500) { return s.size() > n ? "…" + s.substr(s.size() - n) : s; }

// ---- pixels ----------------------------------------------------------------------

struct Pixels {
  int width = 0, height = 0;
  std::vector<unsigned char> rgb;   // row-major, 3 bytes a pixel
  std::string error;

  bool near(int x, int y, int r, int g, int b, int tolerance) const {
    const unsigned char* p = &rgb[(static_cast<size_t>(y) * width + x) * 3];
    return std::abs(p[0] - r) <= tolerance && std::abs(p[1] - g) <= tolerance && std::abs(p[2] - b) <= tolerance;
  }
};

// The PNG as 8-bit RGB (libpng's simplified API).
inline Pixels read_png(const std::string& path) {
  Pixels px;
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, path.c_str())) {
    px.error = image.message;
    return px;
  }
  image.format = PNG_FORMAT_RGB;
  px.rgb.resize(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, px.rgb.data(), 0, nullptr)) {
    px.error = image.message;
    px.rgb.clear();
    return px;
  }
  px.width = static_cast<int>(image.width);
  px.height = static_cast<int>(image.height);
  return px;
}

// The longest horizontal run of pixels of about this colour.
inline int longest_run(const Pixels& px, int r, int g, int b, int tolerance = 24) {
  int best = 0;
  for (int y = 0; y < px.height; ++y) {
    int run = 0;
    for (int x = 0; x < px.width; ++x) {
      run = px.near(x, y, r, g, b, tolerance) ? run + 1 : 0;
      best = std::max(best, run);
    }
  }
  return best;
}

// How many distinct colours (quantised to 5 bits a channel) the image has: 1 for a blank page.
inline size_t colour_count(const Pixels& px) {
  std::vector<bool> seen(32 * 32 * 32);
  size_t n = 0;
  for (size_t i = 0; i + 2 < px.rgb.size(); i += 3) {
    const size_t key = (px.rgb[i] >> 3) * 1024u + (px.rgb[i + 1] >> 3) * 32u + (px.rgb[i + 2] >> 3);
    if (!seen[key]) {
      seen[key] = true;
      ++n;
    }
  }
  return n;
}

}  // namespace aj::test
