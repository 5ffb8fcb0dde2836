// workers.h — documents parsed in a pool of worker processes.
//
// The parent builds the Pipeline once (grammars, lexicon, Poppler's global
// state) and forks up to `max_running` workers from it, each inheriting that
// state. A worker takes one document at a time over its socket (the bytes
// the parent has already read and hashed), parses it, sends back its
// records as JSON (to_full_json, with the PDF's metadata) and waits for the
// next. Workers live for the whole run because a fresh process per document
// pays for every lazy cache again (RE2's DFA states, ICU data, page faults
// on the copied heap): measured 2.5–3× slower than the parse itself.
//
// Each worker holds up to two documents: the one it parses and the next,
// already sent (kDepth). So a worker that finishes goes straight on to its
// next document instead of waiting while the parent stores the last one;
// without it, two workers idled about a fifth of an import. Requests are
// sent without blocking (a PDF may not fit in the socket's buffer): what
// does not fit waits in the worker's outbox until poll says it can go.
//
// OCR is slow (~1–2 s a page, where a born-digital page takes milliseconds),
// so a document's time limit grows with the pages OCR reads: the worker says
// each such page as it begins it, and each gives the document another
// `timeout_seconds` — a 20-page scan is not timed out for being long, but
// a page OCR is stuck on still is. The pages said are counted for the
// progress bar (ocr_pages_begun).
//
// Failures stay with their document: a worker that crashes (worker_crashed,
// naming the signal), runs past the deadline (SIGKILL, timed_out) or
// exhausts its address space (RLIMIT_AS, 2 GiB: the allocation fails and the
// worker aborts) fails only the document it held; the parent reaps it and
// forks a fresh worker for the next document. Workers die with the parent
// (PR_SET_PDEATHSIG), so a killed import leaves none behind.
#pragma once

#include <sys/types.h>

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/pipeline.h"

namespace aj::importer {

struct Outcome {
  size_t job = 0;                // the caller's job number
  pipeline::Parsed parsed;       // at least one record
  double seconds = 0;            // wall time from hand-over to result
  int ocr_pages = 0;             // pages the worker read by OCR (said as it began them)
};

class Workers {
 public:
  Workers(const pipeline::Pipeline& pipeline, int max_running, double timeout_seconds);
  ~Workers();   // ends idle workers, kills busy ones, reaps all
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  // True when every worker that may run holds kDepth documents.
  bool full() const;
  bool idle() const;

  // Hands the document to the least loaded worker (forking one while fewer
  // than max_running live and none is idle). False with *error when no
  // worker process can be made.
  bool start(size_t job, std::string_view bytes, const std::string& file_name, std::string* error);

  // Waits up to `max_wait_seconds` for documents to finish (or time out)
  // and returns their outcomes, possibly none.
  std::vector<Outcome> collect(double max_wait_seconds);

  // Pages the workers have begun to read by OCR in this run, so far.
  long ocr_pages_begun() const { return ocr_pages_begun_; }

 private:
  static constexpr size_t kDepth = 2;   // documents a worker holds: the one it parses, and the next

  struct Task {
    size_t job = 0;
    std::string file_name;
    std::string bytes;       // kept while queued, to hand it to another worker if this one dies first
  };
  struct Worker {
    pid_t pid = -1;
    int fd = -1;             // the parent's end of the worker's socket
    std::deque<Task> tasks;  // front: the document being parsed
    double started = 0;      // when the front document began, seconds, monotonic
    int ocr_pages = 0;       // pages of the front document begun by OCR: each adds a timeout to its limit
    std::string outbox;      // request bytes not yet sent
    size_t sent = 0;         // of outbox
    std::string response;    // bytes of answers read so far
  };
  bool spawn(std::string* error);
  Worker* pick(std::string* error);
  // Sends what the socket takes now; false when the worker is gone.
  bool flush(Worker& w);
  // Reaps a worker that failed its front document, says why as an Outcome,
  // and hands its queued documents to other workers.
  Outcome bury(size_t index, Code code, const std::string& why);
  // Reads what the worker sent; false when its end of the socket closed.
  bool receive(Worker& w);
  // Takes one complete answer off w.response for the front document, if
  // there is one, counting the OCR pages said before it.
  std::optional<Outcome> answer(Worker& w);
  // When the front document's time is up: a timeout, and one more per OCR page begun.
  double deadline(const Worker& w) const;

  const pipeline::Pipeline& pipeline_;
  int max_running_;
  double timeout_;
  std::vector<Worker> workers_;
  std::vector<Outcome> handed_back_;   // failures met while handing a document over
  long ocr_pages_begun_ = 0;
};

}  // namespace aj::importer
