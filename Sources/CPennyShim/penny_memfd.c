#define _GNU_SOURCE
#include <sys/mman.h>
#include "penny_shim.h"

int penny_memfd(const char *name) { return memfd_create(name, 0); }
