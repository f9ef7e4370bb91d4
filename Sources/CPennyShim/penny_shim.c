#define _XOPEN_SOURCE 700
#include "penny_shim.h"

attr_t penny_attr_normal(void) { return A_NORMAL; }
attr_t penny_attr_bold(void) { return A_BOLD; }
attr_t penny_attr_dim(void) { return A_DIM; }
attr_t penny_attr_underline(void) { return A_UNDERLINE; }
attr_t penny_attr_reverse(void) { return A_REVERSE; }
attr_t penny_attr_italic(void) { return A_ITALIC; }

int penny_wcwidth(wchar_t c) { return wcwidth(c); }
