// out_of_memory.h — a process under an address-space limit (a worker of the
// import, the report's page renderer) telling that it is dying of memory.
//
// From outside, running out of memory is a SIGABRT like any other crash, so
// the dying process says it itself: C++'s operator new calls the new-handler
// when an allocation fails, and Poppler's gmalloc calls abort() right after
// malloc failed, with errno still ENOMEM. In either case `say` runs (it must
// be async-signal-safe: a write(2) or send(2) to the parent) and the process
// then aborts as it would have.
#pragma once

namespace aj {

// Installs the new-handler and a SIGABRT handler that call `say` first.
void say_when_out_of_memory(void (*say)());

}  // namespace aj
