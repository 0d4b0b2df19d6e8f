#ifndef HANDBOOK_CALLOCATORTUNING_H
#define HANDBOOK_CALLOCATORTUNING_H

/// Whether this program asked mimalloc for 2 MiB pages at start-up (see CAllocatorTuning.c):
/// false without mimalloc, or when the environment names the option itself.
_Bool handbook_prefers_large_pages(void);

#endif
