// out_of_memory.cpp — the handlers of out_of_memory.h.
#include "core/out_of_memory.h"

#include <signal.h>

#include <cerrno>
#include <cstdlib>
#include <new>

namespace aj {
namespace {

void (*g_say)() = nullptr;

[[noreturn]] void on_new_failure() {
  g_say();
  std::abort();
}

void on_abort(int sig) {
  if (errno == ENOMEM) g_say();
  signal(sig, SIG_DFL);
  raise(sig);
}

}  // namespace

void say_when_out_of_memory(void (*say)()) {
  g_say = say;
  std::set_new_handler(on_new_failure);
  signal(SIGABRT, on_abort);
}

}  // namespace aj
