#ifndef HANDBOOK_CFILESYSTEM_H
#define HANDBOOK_CFILESYSTEM_H

#include <spawn.h>

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE), so there is no moment
/// at which neither exists. Returns 0 on success, or -1 with errno set (ENOSYS/EINVAL where the
/// kernel or file system cannot do it; the caller then falls back to two renames).
int handbook_exchange_paths(const char *first, const char *second);

/// Makes a program started with `actions` close every file descriptor above 2 that it inherits
/// (glibc 2.34's posix_spawn_file_actions_addclosefrom_np, which Swift's Glibc does not show).
/// Returns 0, or an error number (ENOSYS where the C library cannot).
int handbook_spawn_closes_inherited_files(posix_spawn_file_actions_t *actions);

#endif
