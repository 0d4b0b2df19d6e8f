// Asks mimalloc, when the program is linked with it, to back its memory with 2 MiB pages.
//
// Why: on virtual machines that shadow the guest's page tables (the Firecracker VMs the handbook
// is built and benchmarked on), every first touch of a 4 KiB page traps to the hypervisor and
// costs about 2 us, ten times a bare-metal fault. A 1,000-tip build touched about 6,000 fresh
// pages and a 10,000-tip one 53,000; with 2 MiB pages they touch 800 and 8,000.
//
// When: mimalloc reads its options once, when the first allocation initialises it, and the C++
// and Swift runtimes allocate long before `main`; the main thread's first segment (where most of
// the loading happens) would already be in small pages. So the options are set from the
// program's .preinit_array, which the dynamic loader runs before any shared library's
// initialiser, mimalloc's included. Only stores into mimalloc's option table happen there: no
// allocation, and the environment is read from the loader's own `envp`, since libc has not set
// up `environ` yet.

#include "CAllocatorTuning.h"

#include <mimalloc.h>
#include <stdbool.h>
#include <string.h>

// Weak: a program (or test) that is not linked with mimalloc sees a null function, and nothing
// is set, instead of failing to link.
#pragma weak mi_option_set

static bool prefers_large_pages = false;

static bool environment_names(char **envp, const char *name) {
    size_t length = strlen(name);
    for (char **entry = envp; entry != NULL && *entry != NULL; entry++) {
        if (strncmp(*entry, name, length) == 0 && (*entry)[length] == '=') return true;
    }
    return false;
}

static void prefer_large_pages(int argc, char **argv, char **envp) {
    (void)argc;
    (void)argv;
    if (mi_option_set == NULL) return;
    // A user's own setting wins (mimalloc 2.1 renamed the first variable; both spellings count).
    if (!environment_names(envp, "MIMALLOC_LARGE_OS_PAGES") && !environment_names(envp, "MIMALLOC_ALLOW_LARGE_OS_PAGES")) {
        mi_option_set(mi_option_large_os_pages, 1);
        prefers_large_pages = true;
    }
    // Otherwise each worker thread's first segment is committed piece by piece, in small pages.
    if (!environment_names(envp, "MIMALLOC_EAGER_COMMIT_DELAY")) mi_option_set(mi_option_eager_commit_delay, 0);
}

__attribute__((section(".preinit_array"), used))
static void (*const handbook_preinit_allocator)(int, char **, char **) = prefer_large_pages;

_Bool handbook_prefers_large_pages(void) {
    return prefers_large_pages;
}
