#ifndef EMULATE_PROCESS_SPAWN_H
#define EMULATE_PROCESS_SPAWN_H

#include <sys/types.h>

/// Starts `argv[0]` (looked up in the PATH of `envp` when it has no slash) in `directory`, with `envp`,
/// its stdin on /dev/null and its stdout and stderr on `stdout_fd` and `stderr_fd`, in a new process
/// group of its own, and with SIGKILL as its parent-death signal.
///
/// Every child is forked from one long-lived thread: Linux sends the parent-death signal when the
/// forking *thread* ends, and the threads of Swift's cooperative pool come and go.
///
/// Returns the child's pid, or -1 with `*error_number` set to the errno of the failed step (an exec
/// failure, such as ENOENT for a command that does not exist, is reported here, not as an exit status).
pid_t emulate_spawn(const char *const argv[], const char *const envp[], const char *directory,
                    int stdout_fd, int stderr_fd, int *error_number);

/// Opens a pipe whose two ends are closed on exec (so only the child they are handed to inherits them).
int emulate_pipe(int descriptors[2]);

/// The bytes waiting to be read from a pipe, or -1 when it cannot tell (the descriptor is closed).
int emulate_pending_bytes(int descriptor);

/// Waits for `pid` to end; returns its raw wait status, or -1 (errno set). With `kill_group`, whatever is
/// left of its process group (the children it forked) is killed once it has ended, before it is reaped.
int emulate_wait(pid_t pid, int kill_group);

#endif
