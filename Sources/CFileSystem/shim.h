#ifndef KOCHBUCH_CFILESYSTEM_SHIM_H
#define KOCHBUCH_CFILESYSTEM_SHIM_H
// Linux file-system calls Swift's Glibc module does not declare.
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <poll.h>
#include <sys/inotify.h>

/// Swaps two paths in one step (renameat2 with RENAME_EXCHANGE): both exist before and after,
/// and no reader ever sees either missing. -1 with errno EINVAL or ENOSYS where the file system
/// or kernel cannot do it.
static inline int kb_exchange_paths(const char *first, const char *second) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 1 << 1);
#else
    errno = ENOSYS;
    return -1;
#endif
}
#endif
