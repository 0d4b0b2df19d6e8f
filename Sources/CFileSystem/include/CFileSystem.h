#ifndef HANDBOOK_CFILESYSTEM_H
#define HANDBOOK_CFILESYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE), so there is no moment
/// at which neither exists. Returns 0 on success, or -1 with errno set (ENOSYS/EINVAL where the
/// kernel or file system cannot do it; the caller then falls back to two renames).
int handbook_exchange_paths(const char *first, const char *second);

#endif
