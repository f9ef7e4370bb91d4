#ifndef PENNY_CNCURSESW_SHIM_H
#define PENNY_CNCURSESW_SHIM_H
// Every header that includes curses defines NCURSES_WIDECHAR the same way, so
// all modules see the wide API and agree on WINDOW.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <curses.h>
#include <term.h>
#endif
