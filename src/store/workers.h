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
// Failures stay with their document: a worker that crashes (worker_crashed,
// naming the signal), runs past the deadline (SIGKILL, timed_out) or
// exhausts its address space (RLIMIT_AS, 2 GiB: the allocation fails and the
// worker aborts) fails only the document it held; the parent reaps it and
// forks a fresh worker for the next document. Workers die with the parent
// (PR_SET_PDEATHSIG), so a killed import leaves none behind.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/pipeline.h"

namespace aj::store {

struct Outcome {
  size_t job = 0;                // the caller's job number
  pipeline::Parsed parsed;       // at least one record
  double seconds = 0;            // wall time from hand-over to result
};

class Workers {
 public:
  Workers(const pipeline::Pipeline& pipeline, int max_running, double timeout_seconds);
  ~Workers();   // ends idle workers, kills busy ones, reaps all
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  bool full() const { return busy() >= max_running_; }
  bool idle() const { return busy() == 0 && handed_back_.empty(); }

  // Hands the document to an idle worker (forking one when fewer than
  // max_running live). False with *error when no worker process can be made.
  bool start(size_t job, std::string_view bytes, const std::string& file_name, std::string* error);

  // Waits up to `max_wait_seconds` for documents to finish (or time out)
  // and returns their outcomes, possibly none.
  std::vector<Outcome> collect(double max_wait_seconds);

 private:
  struct Worker {
    pid_t pid = -1;
    int fd = -1;             // the parent's end of the worker's socket
    bool busy = false;
    size_t job = 0;
    std::string file_name;
    double started = 0;      // seconds, monotonic
    std::string response;    // bytes of the answer read so far
  };
  int busy() const;
  bool spawn(std::string* error);
  // Reaps a worker that failed its document and says why, as an Outcome.
  Outcome bury(size_t index, Code code, const std::string& why);
  // Reads what the worker sent; true when its answer is complete.
  bool receive(Worker& w, bool* ended);

  const pipeline::Pipeline& pipeline_;
  int max_running_;
  double timeout_;
  std::vector<Worker> workers_;
  std::vector<Outcome> handed_back_;   // failures met while handing a document over
};

}  // namespace aj::store
