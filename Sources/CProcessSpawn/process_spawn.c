#define _GNU_SOURCE
#include "process_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

struct spawn_request {
    const char *const *argv;
    const char *const *envp;
    const char *directory;
    int stdout_fd;
    int stderr_fd;
    pid_t pid;
    int error_number;
    int done;
    struct spawn_request *next;
};

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t queue_ready = PTHREAD_COND_INITIALIZER;
static pthread_cond_t request_done = PTHREAD_COND_INITIALIZER;
static struct spawn_request *queue_head = NULL;
static pthread_once_t spawner_once = PTHREAD_ONCE_INIT;
static int spawner_failed = 0;

/// Looks `file` up in `path` as execvp would; writes the candidate into `buffer`. Called before fork.
static const char *resolve(const char *file, const char *const envp[], char *buffer, size_t size) {
    if (strchr(file, '/') != NULL) return file;
    const char *path = "/usr/local/bin:/usr/bin:/bin";
    for (const char *const *entry = envp; *entry != NULL; entry++) {
        if (strncmp(*entry, "PATH=", 5) == 0) { path = *entry + 5; break; }
    }
    const char *start = path;
    while (1) {
        const char *end = strchr(start, ':');
        size_t length = end ? (size_t)(end - start) : strlen(start);
        if (length == 0) { start = "."; length = 1; }
        if (length + strlen(file) + 2 <= size) {
            memcpy(buffer, start, length);
            buffer[length] = '/';
            strcpy(buffer + length + 1, file);
            if (access(buffer, X_OK) == 0) return buffer;
        }
        if (end == NULL) break;
        start = end + 1;
    }
    return NULL;
}

static void run_request(struct spawn_request *request) {
    char resolved[4096];
    const char *program = resolve(request->argv[0], request->envp, resolved, sizeof resolved);
    if (program == NULL) {
        request->pid = -1;
        request->error_number = ENOENT;
        return;
    }
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) {
        request->pid = -1;
        request->error_number = errno;
        return;
    }
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        // The child: only async-signal-safe calls until exec.
        int failure = 0;
        setpgid(0, 0);
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent) _exit(127);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        // An ignored signal stays ignored across exec, and the emulator (NIO) ignores SIGPIPE.
        struct sigaction default_action;
        memset(&default_action, 0, sizeof default_action);
        default_action.sa_handler = SIG_DFL;
        sigaction(SIGPIPE, &default_action, NULL);
        int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (null_fd < 0 || dup2(null_fd, 0) < 0 || dup2(request->stdout_fd, 1) < 0 || dup2(request->stderr_fd, 2) < 0) {
            failure = errno;
        } else if ((request->stdout_fd == 1 && fcntl(1, F_SETFD, 0) < 0) || (request->stderr_fd == 2 && fcntl(2, F_SETFD, 0) < 0)) {
            failure = errno;  // dup2 onto itself keeps close-on-exec: clear it
        } else if (request->directory != NULL && chdir(request->directory) != 0) {
            failure = errno;
        } else {
            execve(program, (char *const *)request->argv, (char *const *)request->envp);
            failure = errno;
        }
        ssize_t ignored = write(report[1], &failure, sizeof failure);
        (void)ignored;
        _exit(127);
    }
    close(report[1]);
    if (pid < 0) {
        request->pid = -1;
        request->error_number = errno;
        close(report[0]);
        return;
    }
    int failure = 0;
    ssize_t got;
    do { got = read(report[0], &failure, sizeof failure); } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == (ssize_t)sizeof failure) {
        int status;
        waitpid(pid, &status, 0);
        request->pid = -1;
        request->error_number = failure;
        return;
    }
    request->pid = pid;
    request->error_number = 0;
}

static void *spawner_main(void *unused) {
    (void)unused;
    pthread_mutex_lock(&queue_lock);
    while (1) {
        while (queue_head == NULL) pthread_cond_wait(&queue_ready, &queue_lock);
        struct spawn_request *request = queue_head;
        queue_head = request->next;
        pthread_mutex_unlock(&queue_lock);
        run_request(request);
        pthread_mutex_lock(&queue_lock);
        request->done = 1;
        pthread_cond_broadcast(&request_done);
    }
    return NULL;
}

static void start_spawner(void) {
    pthread_t thread;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&thread, &attributes, spawner_main, NULL) != 0) spawner_failed = 1;
    pthread_attr_destroy(&attributes);
}

pid_t emulate_spawn(const char *const argv[], const char *const envp[], const char *directory,
                    int stdout_fd, int stderr_fd, int *error_number) {
    pthread_once(&spawner_once, start_spawner);
    if (spawner_failed) {
        *error_number = EAGAIN;
        return -1;
    }
    struct spawn_request request = {argv, envp, directory, stdout_fd, stderr_fd, -1, 0, 0, NULL};
    pthread_mutex_lock(&queue_lock);
    struct spawn_request **tail = &queue_head;
    while (*tail != NULL) tail = &(*tail)->next;
    *tail = &request;
    pthread_cond_signal(&queue_ready);
    while (!request.done) pthread_cond_wait(&request_done, &queue_lock);
    pthread_mutex_unlock(&queue_lock);
    *error_number = request.error_number;
    return request.pid;
}

int emulate_wait(pid_t pid, int kill_group) {
    int status;
    pid_t got;
    if (kill_group) {
        // Wait without reaping: while the leader is a zombie its pid (the group's ID) cannot be reused,
        // so the signal reaches only what is left of its own group.
        siginfo_t info;
        int waited;
        do { waited = waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT); } while (waited < 0 && errno == EINTR);
        if (waited == 0) kill(-pid, SIGKILL);
    }
    do { got = waitpid(pid, &status, 0); } while (got < 0 && errno == EINTR);
    return got < 0 ? -1 : status;
}

int emulate_pipe(int descriptors[2]) {
    return pipe2(descriptors, O_CLOEXEC);
}

int emulate_pending_bytes(int descriptor) {
    int count = 0;
    return ioctl(descriptor, FIONREAD, &count) == 0 ? count : -1;
}
