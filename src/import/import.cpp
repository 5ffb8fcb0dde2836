// import.cpp — the import loop: look at each file, start or skip its parse,
// store what the workers return. One writer: this process, either the loop
// or the search indexer's thread, never both (search_indexer.h).
#include "import/import.h"

#include "core/path_text.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <sstream>
#include <unordered_set>

#include <spdlog/spdlog.h>

#include "core/wording.h"
#include "pipeline/ocr_options.h"
#include "recognize/grammar.h"
#include "import/grammar_folder.h"
#include "import/progress.h"
#include "import/search_indexer.h"
#include "core/sha256.h"
#include "normalize/base_form.h"
#include "import/skipped.h"
#include "import/walk.h"
#include "import/workers.h"

namespace aj::importer {
namespace {

constexpr double kRedrawSeconds = 0.1;
// Held writes stored per turn of the import loop once the indexer's pass is
// over. Storing the fifty or so a pass holds back in one go took longer
// than the two documents each worker holds: the workers ran dry again.
constexpr size_t kReleaseStep = 4;

// The signal (SIGINT, SIGTERM) that asked the run to stop, 0 while none did.
// The workers inherit the handler, so a Ctrl-C sent to the whole process
// group does not kill the documents they hold: the parent stops them.
volatile std::sig_atomic_t g_stop_signal = 0;
extern "C" void note_stop_signal(int sig) { g_stop_signal = sig; }
bool stop_asked() { return g_stop_signal != 0; }

// Catches SIGINT and SIGTERM for its life; a second one kills as usual (SA_RESETHAND).
class StopSignals {
 public:
  StopSignals() {
    g_stop_signal = 0;
    struct sigaction sa {};
    sa.sa_handler = note_stop_signal;
    sa.sa_flags = SA_RESTART | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int_);
    sigaction(SIGTERM, &sa, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction old_int_ {}, old_term_ {};
};

std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// Appends up to `limit` bytes (everything when 0) from fd to *out; false on a read error.
bool read_into(int fd, std::string* out, size_t limit) {
  char buf[65536];
  while (limit == 0 || out->size() < limit) {
    size_t want = limit == 0 ? sizeof buf : std::min(sizeof buf, limit - out->size());
    ssize_t n = read(fd, buf, want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) break;
    out->append(buf, static_cast<size_t>(n));
  }
  return true;
}

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f s", s);
  return buf;
}

class Importer {
 public:
  Importer(const ImportOptions& options, store::Archive& archive, SearchIndexer& indexer,
           recognize::GrammarSet grammars, Progress& progress, bool log_every_document, ImportResult& result)
      : options_(options),
        archive_(archive),
        indexer_(indexer),
        fingerprint_(pipeline::parse_fingerprint(grammars.fingerprint, options.ocr)),
        grammars_(std::move(grammars)),
        progress_(progress),
        log_every_document_(log_every_document),
        result_(result),
        counts_(result.counts),
        files_(archive.stored_files()),
        documents_(archive.stored_documents(fingerprint_)) {
    if (options.force)
      for (auto& [sha, doc] : documents_) doc.current = false;   // parsed again, once each
  }

  bool run(const Walk& found, std::string* error) {
    for (const UnreadableEntry& entry : found.unreadable) {
      struct stat st {};
      lstat(entry.path.c_str(), &st);
      unreadable(file_stat(entry.path, st), entry.kind, entry.reason);
    }
    result_.skipped.not_pdf += found.other_entries;
    const bool fed = feed(found.files, error);
    drain();   // also after a failure or a stop: what was parsed is kept
    if (!fed) return false;
    if (stop_asked()) {   // the search index is brought up to date by the next run
      result_.stopped_by = g_stop_signal;
      return true;
    }
    index_search();   // also what an interrupted run left pending
    index_finished();
    result_.failed_documents = static_cast<int64_t>(failed_seen_.size());
    result_.documents_seen = static_cast<int64_t>(paths_seen_.size());
    for (const auto& [sha, paths] : paths_seen_) result_.copies_seen += paths - 1;
    return true;
  }

 private:
  // Hands every file to the workers and stores what they return; false only
  // when a worker could not start.
  bool feed(const std::vector<std::string>& files, std::string* error) {
    size_t next = 0;
    // Looks at files until every worker holds all it can; false only when a worker could not start.
    auto top_up = [&] {
      while (next < files.size() && !stop_asked() && !(workers_ && workers_->full()))
        if (!look_at(files[next++], error)) return false;
      return true;
    };
    for (;;) {
      if (!top_up()) return false;
      if (!workers_ || workers_->idle() || stop_asked()) break;   // stopped: the workers' documents wait for the next run   // top_up stops early only when all workers are full
      // Workers are topped up after each stored document, not after a batch:
      // storing takes a third of a parse, and a worker must not run dry meanwhile.
      // With held writes to catch up on, the loop does not wait for workers.
      const bool backlog = !held_.empty() && !indexer_.running();
      for (auto& outcome : workers_->collect(backlog ? 0 : kRedrawSeconds)) {
        write([this, o = std::move(outcome)]() mutable { store(std::move(o)); });
        if (!top_up()) return false;
      }
      release_held(kReleaseStep);   // the indexer may have finished while the loop waited
      progress_.ocr_pages(workers_->ocr_pages_begun());
      progress_.advance(0, 0);
    }
    return true;
  }

  // Waits out the indexer's passes until every held write is done.
  void drain() {
    while (!held_.empty() || indexer_.running()) {
      index_finished();
      release_held();
    }
  }

  struct Job {
    std::string sha256;
    int64_t size = 0;
    std::vector<store::FileStat> paths;
    bool known = false;   // the archive held this content before (a re-parse)
  };

  // A document seen at `paths` more paths of this run.
  void note_seen(const std::string& sha256, bool failed, int64_t paths = 1) {
    if (failed) failed_seen_.insert(sha256);
    paths_seen_[sha256] += paths;
  }

  static store::FileStat file_stat(const std::string& path, const struct stat& st) {
    return store::FileStat{path_text(path), st.st_size, int64_t{st.st_mtim.tv_sec} * 1000000000 + st.st_mtim.tv_nsec};
  }

  // Decides what the file needs and does it; false only when a worker could not start.
  bool look_at(const std::string& path, std::string* error) {
    // The walk saw a regular file, but it may have been replaced since (by a
    // FIFO, say): stat before open, and open without blocking.
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) {
      unreadable(store::FileStat{path_text(path), 0, 0}, "not examinable", std::string("cannot be examined: ") + std::strerror(errno));
      return true;
    }
    const store::FileStat file = file_stat(path, st);
    if (!S_ISREG(st.st_mode)) {
      unreadable(file, "no longer a file", "is no longer a regular file; it was not opened");
      return true;
    }
    if (unchanged(file)) return true;
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat opened {};
    if (fd < 0 || fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
      unreadable(file, "cannot open", std::string("cannot be opened for reading: ") +
                                          (fd < 0 ? std::strerror(errno) : "it is no longer a regular file"));
      if (fd >= 0) close(fd);
      return true;
    }
    std::string bytes, why;
    const Taken taken = read_if_taken(fd, path, &bytes, &why);
    close(fd);
    if (taken == Taken::no) {   // not ours: only counted
      ++result_.skipped.not_pdf;
      progress_.say(spdlog::level::trace, "{}: not a PDF, left alone", path_text(path));
      progress_.advance(1, 0);
      return true;
    }
    if (taken == Taken::unreadable) {
      unreadable(file, "read error", "cannot be read: " + why);
      return true;
    }
    ++counts_.files_seen;
    return take(file, bytes, error);
  }

  // True (and counted) when the stored row matches the file's size and mtime
  // and its document is current: then the file is not even read.
  bool unchanged(const store::FileStat& file) {
    const auto known = files_.find(file.path);
    if (known == files_.end() || known->second.size != file.size || known->second.mtime_ns != file.mtime_ns)
      return false;
    const auto doc = documents_.find(known->second.sha256);
    if (doc == documents_.end() || !doc->second.current) return false;
    ++counts_.files_seen;
    ++counts_.files_unchanged;
    progress_.say(spdlog::level::trace, "{}: unchanged (same size and mtime), not read", file.path);
    note_seen(known->second.sha256, doc->second.failed);
    progress_.advance(1, 0);
    return true;
  }

  enum class Taken { no, yes, unreadable };

  // Reads the whole file when its first KiB says PDF or its name ends in .pdf.
  static Taken read_if_taken(int fd, const std::string& path, std::string* bytes, std::string* why) {
    if (!read_into(fd, bytes, 1024)) {
      *why = std::strerror(errno);
      return Taken::unreadable;
    }
    if (!extract::looks_like_pdf(*bytes) && !has_pdf_name(path)) return Taken::no;
    if (!read_into(fd, bytes, 0)) {
      *why = std::strerror(errno);
      return Taken::unreadable;
    }
    return Taken::yes;
  }

  // A taken file's content: joins a parse under way, gains a path in the
  // archive, or goes to a worker.
  bool take(const store::FileStat& file, const std::string& bytes, std::string* error) {
    const std::string sha = sha256_hex(bytes);
    if (const auto pending = job_by_sha_.find(sha); pending != job_by_sha_.end()) {
      jobs_[pending->second].paths.push_back(file);   // stored with that job's result
      progress_.say(spdlog::level::trace, "{}: the same content as a file being parsed", file.path);
      return true;
    }
    const auto doc = documents_.find(sha);
    if (doc != documents_.end() && doc->second.current) {
      const auto known = files_.find(file.path);
      const bool same_path = known != files_.end() && known->second.sha256 == sha;
      const bool failed = doc->second.failed;
      progress_.say(spdlog::level::trace, "{}: content already stored and current, not parsed", file.path);
      write([this, file, sha, same_path, failed] {
        std::string why;
        if (archive_.link_path(file, sha, &why)) {
          ++(same_path ? counts_.files_unchanged : counts_.files_same_content);
          files_[file.path] = store::StoredFile{file.size, file.mtime_ns, sha};
        } else {
          progress_.say(spdlog::level::err, "{}", why);
          refused(why);
        }
        note_seen(sha, failed);
        progress_.advance(1, 0);
      });
      return true;
    }
    progress_.say(spdlog::level::trace, "{}: {}", file.path,
                  doc != documents_.end() ? "stored, but not current: parsed again" : "new content: parsed");
    const size_t id = next_job_++;
    jobs_[id] = Job{sha, static_cast<int64_t>(bytes.size()), {file}, doc != documents_.end()};
    job_by_sha_[sha] = id;
    return start_workers(error) && workers_->start(id, bytes, path_bytes(file_name(file.path)), error);
  }

  // The pipeline (grammars, lexicon: the slow part of start-up) and the
  // workers are made when the first document needs parsing, so a run with
  // nothing to parse is quick.
  bool start_workers(std::string* error) {
    if (workers_) return true;
    pipeline_ = pipeline::Pipeline::create(std::move(*grammars_), error);
    grammars_.reset();
    if (!pipeline_) return false;
    pipeline_->set_ocr(options_.ocr);
    workers_.emplace(*pipeline_, options_.jobs, options_.timeout_seconds, options_.max_memory_bytes);
    progress_.say(spdlog::level::debug, "up to {} worker processes parse the documents", options_.jobs);
    return true;
  }

  // An entry that cannot be read as a file (skipped.h): counted, and when it
  // is named like a PDF stored as a failed record, reported the first time only.
  void unreadable(const store::FileStat& file, const std::string& kind, const std::string& reason) {
    ++counts_.files_seen;   // seen, so the summary's parts add up to its total
    ++counts_.files_unreadable;
    ++result_.skipped.unreadable[kind];
    if (!has_pdf_name(file.path)) {
      progress_.log(file.path + " " + reason);
      progress_.advance(1, 0);
      return;
    }
    const std::string key = unreadable_key(file.path, reason);
    const auto known = files_.find(file.path);
    const auto doc = documents_.find(key);
    if (known != files_.end() && known->second.sha256 == key && doc != documents_.end() && doc->second.current) {
      note_seen(key, true);
      progress_.advance(1, 0);
      return;
    }
    write([this, doc = unreadable_document(file, reason)] {
      std::string why;
      if (archive_.write_document(doc, fingerprint_, &why)) {
        ++counts_.records_failed;
        ++result_.documents_stored;
        documents_[doc.sha256] = store::StoredDocument{true, true};
        files_[doc.paths.front().path] = store::StoredFile{doc.paths.front().size, doc.paths.front().mtime_ns, doc.sha256};
        progress_.log(doc.paths.front().path + ": failed: file_unreadable: " + doc.records.front().problems.front().message);
      } else {
        progress_.log(why);
        refused(why);
      }
      note_seen(doc.sha256, true);
      progress_.advance(1, 0);
    });
  }

  // A document the database refused: counted, and the first reason kept for the summary.
  void refused(const std::string& why) {
    if (result_.store_errors++ == 0) result_.first_store_error = why;
  }

  void store(Outcome outcome) {
    Job job = std::move(jobs_.at(outcome.job));
    jobs_.erase(outcome.job);
    job_by_sha_.erase(job.sha256);
    const pipeline::Parsed& parsed = outcome.parsed;
    const auto n_paths = static_cast<int64_t>(job.paths.size());
    store::ParsedDocument doc{job.sha256, job.size, parsed.info, parsed.records, outcome.seconds, job.paths, parsed.directive};
    std::string why;
    if (!archive_.write_document(doc, fingerprint_, &why)) {
      progress_.say(spdlog::level::err, "{}", why);
      refused(why);
      progress_.advance(job.paths.size(), 0);
      return;
    }
    ++(job.known ? counts_.files_reparsed : counts_.files_new);
    ++result_.documents_stored;
    counts_.files_same_content += n_paths - 1;
    counts_.pages += parsed.info.pages;
    result_.ocr_pages += outcome.ocr_pages;
    bool failed = false;
    for (const Record& r : parsed.records) {
      failed = failed || r.status == Status::failed;
      ++(r.status == Status::ok ? counts_.records_ok
                                : r.status == Status::partial ? counts_.records_partial : counts_.records_failed);
    }
    if (++unindexed_ >= options_.search_batch) index_search();
    documents_[job.sha256] = store::StoredDocument{true, failed};
    for (const store::FileStat& f : job.paths) files_[f.path] = store::StoredFile{f.size, f.mtime_ns, job.sha256};
    note_seen(job.sha256, failed, n_paths);
    if (failed || log_every_document_) progress_.log(describe(job, outcome));
    progress_.advance(job.paths.size(), parsed.info.pages);
  }

  // Writes now, or after the search indexer's pass when one runs, in the
  // order asked (with a backlog, the oldest held write goes now instead). A
  // document's job stays in jobs_ until it is stored, so a copy found
  // meanwhile still joins it.
  void write(std::function<void()> w) {
    held_.push_back(std::move(w));
    release_held(1);
  }

  // Runs up to `limit` held writes, fewer when one of them starts an indexer pass.
  void release_held(size_t limit = SIZE_MAX) {
    if (indexer_.running()) return;
    index_finished();
    for (size_t n = 0; n < limit && !held_.empty() && !indexer_.running(); ++n) {
      auto w = std::move(held_.front());
      held_.pop_front();
      w();
    }
  }

  void index_search() {
    indexer_.start();
    unindexed_ = 0;
  }

  // Waits for the indexer's pass and reports its failure (the texts stay pending for the next pass).
  void index_finished() {
    std::string why;
    if (!indexer_.wait(&why)) progress_.say(spdlog::level::warn, "{}", why);
  }

  // "PATH: ok (1 record, 3 pages, 0.05 s)", with the first error of a failed record.
  static std::string describe(const Job& job, const Outcome& outcome) {
    const auto& records = outcome.parsed.records;
    std::string statuses;
    for (const Record& r : records) statuses += (statuses.empty() ? "" : ", ") + std::string(status_name(r.status));
    std::string line = job.paths.front().path + ": " + statuses + " (" +
                       plural(static_cast<int64_t>(records.size()), "record", "records") + ", " +
                       plural(outcome.parsed.info.pages, "page", "pages") + ", " + seconds_text(outcome.seconds) + ")";
    if (job.paths.size() > 1) line += ", also at " + plural(job.paths.size() - 1, "other path", "other paths");
    for (const Record& r : records) {
      if (r.status != Status::failed) continue;
      for (const Problem& p : r.problems)
        if (p.severity == Severity::error) return line + ": " + std::string(code_name(p.code)) + ": " + p.message;
    }
    return line;
  }

  const ImportOptions& options_;
  store::Archive& archive_;
  SearchIndexer& indexer_;
  const std::string fingerprint_;
  std::optional<recognize::GrammarSet> grammars_;   // until the pipeline takes them
  std::unique_ptr<pipeline::Pipeline> pipeline_;
  std::optional<Workers> workers_;
  Progress& progress_;
  const bool log_every_document_;
  ImportResult& result_;
  store::RunCounts& counts_;
  std::unordered_map<std::string, store::StoredFile> files_;            // by path
  std::unordered_map<std::string, store::StoredDocument> documents_;    // by SHA-256; current once written in this run
  std::unordered_set<std::string> failed_seen_;
  std::unordered_map<std::string, int64_t> paths_seen_;   // documents seen in this run: how many of its paths
  std::map<size_t, Job> jobs_;                                   // with the workers, by job number
  std::unordered_map<std::string, size_t> job_by_sha_;
  std::deque<std::function<void()>> held_;   // writes waiting for the indexer's pass to end
  size_t next_job_ = 0;
  int unindexed_ = 0;   // documents written since the last index_search()
};

}  // namespace

namespace {

// The rules of base forms: the grammar folder's own lexicon, else the
// installed one (a user's folder of templates need not copy the lexicon).
std::unique_ptr<normalize::BaseForms> load_base_forms(const std::string& grammar_dir, std::string* error) {
  std::string rules = normalize::base_form_rules_file(grammar_dir);
  if (!std::filesystem::exists(rules)) rules = normalize::base_form_rules_file(recognize::default_grammar_dir());
  return normalize::BaseForms::load(rules, error);
}

std::vector<std::string> path_texts(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  out.reserve(paths.size());
  for (const std::string& p : paths) out.push_back(path_text(p));
  return out;
}

// Every path the walk found, as stored.
std::vector<std::string> seen_paths(const Walk& found) {
  std::vector<std::string> out = path_texts(found.files);
  for (const UnreadableEntry& e : found.unreadable) out.push_back(path_text(e.path));
  return out;
}

}  // namespace

std::optional<ImportResult> run_import(const ImportOptions& options, std::ostream& log, bool terminal,
                                       std::string* error) {
  const auto start = std::chrono::steady_clock::now();
  const std::optional<store::LastRun> last = store::last_import_run(options.db_path);
  const GrammarChoice grammar_folder =
      choose_grammar_folder(options.grammar_dir, last, recognize::default_grammar_dir());
  auto grammars = load_chosen_grammars(grammar_folder, last, error);
  if (!grammars) return std::nullopt;
  Walk found = walk(options.paths);
  if (!found.errors.empty()) {
    *error = found.errors.front();
    return std::nullopt;
  }
  auto archive = store::Archive::open(options.db_path, error);
  if (!archive) return std::nullopt;
  const auto base_forms = load_base_forms(grammar_folder.dir, error);
  if (!base_forms) return std::nullopt;
  archive->use_base_forms(base_forms.get());
  auto indexer = SearchIndexer::open(options.db_path, error);
  if (!indexer) return std::nullopt;
  store::RunStart run{grammar_folder.dir, grammars->fingerprint, options.paths, options.jobs, options.force};
  if (!archive->begin_run(run, error)) return std::nullopt;

  ImportResult result;
  Progress progress(log, terminal, found.files.size() + found.unreadable.size());
  StopSignals stop_signals;
  Importer importer(options, *archive, *indexer, std::move(*grammars), progress, !terminal, result);
  const bool ran = importer.run(found, error);
  progress.finish();
  if (!ran) return std::nullopt;
  if (result.stopped_by != 0) return result;   // the run stays unfinished in import_runs, like a killed one
  if (!archive->mark_presence(path_texts(found.folders), seen_paths(found), error)) return std::nullopt;
  result.counts.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!archive->finish_run(result.counts, error)) return std::nullopt;
  return result;
}

std::string format_summary(const ImportResult& result, const std::string& db_path) {
  const store::RunCounts& c = result.counts;
  std::ostringstream out;
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.0f", c.seconds > 0 ? static_cast<double>(c.pages) / c.seconds : 0.0);
  // What this run did, then what the archive holds for the files it saw: a
  // second run parses nothing, yet its files' documents are still failed.
  out << "Imported into " << db_path << " in " << seconds_text(c.seconds) << ".\n";
  out << "This run:    " << plural(c.files_seen, "file", "files") << " seen: " << c.files_new << " new, "
      << c.files_reparsed << " re-parsed, " << c.files_same_content << " same content as another file, "
      << c.files_unchanged << " unchanged, " << c.files_unreadable << " unreadable; ";
  const int64_t records = c.records_ok + c.records_partial + c.records_failed;
  if (records == 0) out << "no record parsed (nothing new or changed).\n";
  else
    out << plural(records, "record", "records") << " parsed: " << c.records_ok << " ok, " << c.records_partial
        << " partial, " << c.records_failed << " failed; " << plural(c.pages, "page", "pages") << " (" << rate
        << " pages/s)" << (result.ocr_pages > 0 ? ", " + plural(result.ocr_pages, "page", "pages") + " read by OCR" : "")
        << ".\n";
  if (const std::string skipped = result.skipped.summary(); !skipped.empty()) out << "             " << skipped;
  if (result.store_errors > 0)
    out << "This run:    " << plural(result.store_errors, "document", "documents")
        << " could not be stored; the first: " << result.first_store_error << "\n";
  out << "The archive: the files seen hold " << plural(result.documents_seen, "document", "documents") << " ("
      << plural(result.copies_seen, "file is a copy", "files are copies") << " of another); "
      << plural(result.failed_documents, "document", "documents")
      << " failed; the failure report: ametijuhend report --db " << db_path << "\n";
  return out.str();
}

}  // namespace aj::importer

namespace aj::importer {

std::string format_stopped(const ImportResult& result) {
  return "interrupted: " + plural(result.documents_stored, "document", "documents") +
         " stored; run again to continue\n";
}

}  // namespace aj::importer
