// workers.cpp — the pool: a socketpair per worker; requests are a header
// (name and byte counts) then the name and the bytes; answers are an 8-byte
// length then JSON, in the order of the requests, each after zero or more
// 8-byte notes "OCR begins page N" (kOcrPageNote | N) or "out of memory"
// (kOutOfMemoryNote, the last thing a dying worker sends). The parent polls the
// busy workers' sockets, for answers and for room to send queued requests.
#include "import/workers.h"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "core/out_of_memory.h"

namespace aj::importer {
namespace {

// The top bit marks a note, not an answer's length (no answer comes near 2^63 bytes).
constexpr uint64_t kOcrPageNote = uint64_t{1} << 63;
constexpr uint64_t kOutOfMemoryNote = kOcrPageNote | uint64_t{1} << 62;

// The worker's end of its socket, for the note a dying worker sends.
int g_worker_fd = -1;

void say_out_of_memory() {
  const uint64_t note = kOutOfMemoryNote;
  (void)!send(g_worker_fd, &note, sizeof note, MSG_NOSIGNAL);   // async-signal-safe
}

struct Request {
  uint64_t name_size, bytes_size;
};

double now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

bool send_all(int fd, const void* data, size_t size) {
  const auto* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = send(fd, p, size, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool recv_all(int fd, void* data, size_t size) {
  auto* p = static_cast<char*>(data);
  while (size > 0) {
    ssize_t n = recv(fd, p, size, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

// The worker: documents in, records out, until the parent closes the socket.
[[noreturn]] void serve(int fd, pid_t parent, const pipeline::Pipeline& pipeline, uint64_t memory_limit) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(0);   // the parent died before the line above
  rlimit limit{memory_limit, memory_limit};
  setrlimit(RLIMIT_AS, &limit);
  g_worker_fd = fd;
  say_when_out_of_memory(say_out_of_memory);
  for (;;) {
    Request req{};
    if (!recv_all(fd, &req, sizeof req)) _exit(0);
    std::string name(req.name_size, '\0'), bytes(req.bytes_size, '\0');
    if (!recv_all(fd, name.data(), name.size()) || !recv_all(fd, bytes.data(), bytes.size())) _exit(1);
    // A note lost to a closed socket loses nothing: the answer's send fails as well.
    pipeline::Parsed parsed = pipeline.parse_bytes(bytes, name, [fd](int page) {
      const uint64_t note = kOcrPageNote | static_cast<uint64_t>(page);
      send_all(fd, &note, sizeof note);
    });
    nlohmann::ordered_json out;
    out["info"] = info_to_json(parsed.info);
    out["records"] = nlohmann::ordered_json::array();
    for (const Record& r : parsed.records) out["records"].push_back(to_full_json(r));
    if (parsed.directive) out["directive"] = to_json(*parsed.directive);
    const std::string json = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const uint64_t size = json.size();
    if (!send_all(fd, &size, sizeof size) || !send_all(fd, json.data(), json.size())) _exit(1);
  }
}

// One failed record standing for a document whose worker did not deliver.
pipeline::Parsed failure(const std::string& file_name, Code code, std::string message) {
  Record r;
  r.source = Source{file_name, 1, 1, 1};
  r.status = Status::failed;
  r.problems.push_back(Problem::make(code, 0, std::move(message)));
  pipeline::Parsed out;
  out.records.push_back(std::move(r));
  return out;
}

std::string describe_exit(int status) {
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    const char* abbrev = sigabbrev_np(sig);
    return "was killed by signal " + std::to_string(sig) + " (" + (abbrev ? std::string("SIG") + abbrev + ", " : "") +
           strsignal(sig) + ")";
  }
  return "exited with status " + std::to_string(WEXITSTATUS(status)) + " before answering";
}

}  // namespace

Workers::Workers(const pipeline::Pipeline& pipeline, int max_running, double timeout_seconds,
                 uint64_t memory_limit_bytes)
    : pipeline_(pipeline),
      max_running_(std::max(1, max_running)),
      timeout_(timeout_seconds),
      memory_limit_(memory_limit_bytes) {}

Workers::~Workers() {
  for (Worker& w : workers_) {
    if (!w.tasks.empty()) kill(w.pid, SIGKILL);
    close(w.fd);   // an idle worker sees the end of input and exits
  }
  for (Worker& w : workers_) waitpid(w.pid, nullptr, 0);
}

bool Workers::full() const {
  if (static_cast<int>(workers_.size()) < max_running_) return false;
  for (const Worker& w : workers_)
    if (w.tasks.size() < kDepth) return false;
  return true;
}

bool Workers::idle() const {
  for (const Worker& w : workers_)
    if (!w.tasks.empty()) return false;
  return handed_back_.empty();
}

bool Workers::spawn(std::string* error) {
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
    *error = std::string("cannot create a socket for a worker: ") + std::strerror(errno);
    return false;
  }
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) {
    *error = std::string("cannot start a worker process: ") + std::strerror(errno);
    close(fds[0]);
    close(fds[1]);
    return false;
  }
  if (pid == 0) {
    close(fds[0]);
    for (const Worker& w : workers_) close(w.fd);   // so each worker sees its own end of input
    serve(fds[1], parent, pipeline_, memory_limit_);
  }
  close(fds[1]);
  Worker w;
  w.pid = pid;
  w.fd = fds[0];
  workers_.push_back(std::move(w));
  return true;
}

// An idle worker, else a new one while fewer than max_running live, else the least loaded.
Workers::Worker* Workers::pick(std::string* error) {
  Worker* best = nullptr;
  for (Worker& w : workers_)
    if (!best || w.tasks.size() < best->tasks.size()) best = &w;
  if (best && best->tasks.empty()) return best;
  if (static_cast<int>(workers_.size()) < max_running_) return spawn(error) ? &workers_.back() : nullptr;
  return best;
}

bool Workers::flush(Worker& w) {
  while (w.sent < w.outbox.size()) {
    ssize_t n = send(w.fd, w.outbox.data() + w.sent, w.outbox.size() - w.sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
    if (n <= 0) return false;
    w.sent += static_cast<size_t>(n);
  }
  w.outbox.clear();
  w.sent = 0;
  return true;
}

Outcome Workers::bury(size_t index, Code code, const std::string& why) {
  Worker w = std::move(workers_[index]);
  workers_.erase(workers_.begin() + static_cast<std::ptrdiff_t>(index));
  if (code == Code::timed_out) kill(w.pid, SIGKILL);
  close(w.fd);
  int status = 0;
  while (waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
  }
  const Task failed = std::move(w.tasks.front());
  w.tasks.pop_front();
  // The documents queued behind it were never begun: they go to other workers.
  for (Task& queued : w.tasks) {
    std::string error;
    if (!start(queued.job, queued.bytes, queued.file_name, &error))
      handed_back_.push_back(Outcome{queued.job, failure(queued.file_name, Code::worker_crashed, error), 0});
  }
  std::string message = why.empty() ? "the worker parsing " + failed.file_name + " " + describe_exit(status) : why;
  if (w.out_of_memory && code == Code::worker_crashed) {   // the notes were read before it was buried
    char limit[32];
    std::snprintf(limit, sizeof limit, "%.0f MiB", static_cast<double>(memory_limit_) / (1 << 20));
    code = Code::out_of_memory;
    message = "the worker parsing " + failed.file_name + " ran out of memory: its limit is " + limit +
              " of address space (--max-memory)";
  }
  return Outcome{failed.job, failure(failed.file_name, code, message), now() - w.started, w.ocr_pages};
}

bool Workers::start(size_t job, std::string_view bytes, const std::string& file_name, std::string* error) {
  Worker* w = pick(error);
  if (!w) return false;
  if (w->tasks.empty()) w->started = now();
  w->tasks.push_back(Task{job, file_name, w->tasks.empty() ? std::string() : std::string(bytes)});
  const Request req{file_name.size(), bytes.size()};
  w->outbox.append(reinterpret_cast<const char*>(&req), sizeof req);
  w->outbox.append(file_name);
  w->outbox.append(bytes);
  if (!flush(*w)) handed_back_.push_back(bury(static_cast<size_t>(w - workers_.data()), Code::worker_crashed, {}));
  return true;
}

bool Workers::receive(Worker& w) {
  char buf[65536];
  for (;;) {
    ssize_t n = recv(w.fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n > 0) {
      w.response.append(buf, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }
}

double Workers::deadline(const Worker& w) const { return w.started + timeout_ * (1 + w.ocr_pages); }

std::optional<Outcome> Workers::answer(Worker& w) {
  uint64_t size = 0;
  for (;;) {
    if (w.tasks.empty() || w.response.size() < sizeof size) return std::nullopt;
    std::memcpy(&size, w.response.data(), sizeof size);
    if (!(size & kOcrPageNote)) break;
    w.response.erase(0, sizeof size);
    if (size == kOutOfMemoryNote) {
      w.out_of_memory = true;
      continue;
    }
    ++w.ocr_pages;
    ++ocr_pages_begun_;
  }
  if (w.response.size() - sizeof size < size) return std::nullopt;
  const auto body = w.response.begin() + sizeof size;
  auto j = nlohmann::json::parse(body, body + static_cast<std::ptrdiff_t>(size), nullptr, false);
  w.response.erase(0, sizeof size + size);
  Task task = std::move(w.tasks.front());
  w.tasks.pop_front();
  Outcome out{task.job, {}, now() - w.started, w.ocr_pages};
  w.ocr_pages = 0;
  if (j.is_discarded() || !j.contains("records") || !j["records"].is_array() || j["records"].empty()) {
    out.parsed = failure(task.file_name, Code::worker_crashed,
                         "the worker parsing " + task.file_name + " answered with no records");
  } else {
    out.parsed.info = info_from_json(j.value("info", nlohmann::json::object()));
    for (const auto& r : j["records"]) out.parsed.records.push_back(record_from_json(r));
    if (j.contains("directive") && j["directive"].is_object())
      out.parsed.directive = directive_from_json(j["directive"]);
  }
  if (!w.tasks.empty()) {   // the worker has gone on to its next document
    w.started = now();
    w.tasks.front().bytes = std::string();
  }
  return out;
}

std::vector<Outcome> Workers::collect(double max_wait_seconds) {
  std::vector<Outcome> done = std::move(handed_back_);
  handed_back_.clear();
  std::vector<pollfd> fds;
  double wait = max_wait_seconds;
  for (const Worker& w : workers_) {
    if (w.tasks.empty()) continue;
    fds.push_back(pollfd{w.fd, static_cast<short>(POLLIN | (w.outbox.empty() ? 0 : POLLOUT)), 0});
    wait = std::min(wait, deadline(w) - now());
  }
  if (fds.empty()) return done;
  if (poll(fds.data(), fds.size(), static_cast<int>(std::max(0.0, wait) * 1000) + 1) < 0 && errno != EINTR)
    return done;
  for (size_t i = workers_.size(); i-- > 0;) {
    Worker& w = workers_[i];
    if (w.tasks.empty()) continue;
    const bool open = receive(w) && flush(w);
    while (auto out = answer(w)) done.push_back(std::move(*out));
    if (w.tasks.empty()) continue;
    if (!open) {
      done.push_back(bury(i, Code::worker_crashed, {}));
    } else if (now() > deadline(w)) {
      char limit[96];
      if (w.ocr_pages == 0)
        std::snprintf(limit, sizeof limit, "%g s (--timeout)", timeout_);
      else
        std::snprintf(limit, sizeof limit, "%g s (--timeout %g, and as much again for each of %d pages read by OCR)",
                      timeout_ * (1 + w.ocr_pages), timeout_, w.ocr_pages);
      done.push_back(bury(i, Code::timed_out,
                          "parsing " + w.tasks.front().file_name + " took longer than the limit of " + limit +
                              "; its worker was killed"));
    }
  }
  return done;
}

}  // namespace aj::importer
