#ifndef PENNY_SHIM_H
#define PENNY_SHIM_H
// What Swift cannot call directly: variadic libcurl setters, curses attribute
// macros, and libc functions hidden by Swift's Glibc module.
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <curl/curl.h>
#include <stddef.h>
#include <wchar.h>

// libcurl, opened with dlopen on first use (penny_curl_loader.c): call penny_curl_load()
// first; it returns 1 when libcurl is loaded and initialised, else 0 and
// penny_curl_load_error() says why. The setters are also here because curl_easy_setopt,
// getinfo and curl_multi_setopt are variadic.
int penny_curl_load(void);
const char *penny_curl_load_error(void);
CURL *penny_curl_easy_init(void);
void penny_curl_easy_cleanup(CURL *handle);
CURLcode penny_curl_easy_perform(CURL *handle);
const char *penny_curl_easy_strerror(CURLcode code);
struct curl_slist *penny_curl_slist_append(struct curl_slist *list, const char *text);
void penny_curl_slist_free_all(struct curl_slist *list);
CURLM *penny_curl_multi_init(void);
CURLMcode penny_curl_multi_add_handle(CURLM *multi, CURL *handle);
CURLMcode penny_curl_multi_remove_handle(CURLM *multi, CURL *handle);
CURLMcode penny_curl_multi_perform(CURLM *multi, int *running);
CURLMcode penny_curl_multi_poll(CURLM *multi, struct curl_waitfd extra[], unsigned int count, int timeout, int *ready);
CURLMsg *penny_curl_multi_info_read(CURLM *multi, int *queued);
CURLMcode penny_curl_multi_cleanup(CURLM *multi);
CURLcode penny_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode penny_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value);
CURLcode penny_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode penny_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode penny_curl_setopt_write_callback(CURL *handle, CURLoption option,
    size_t (*callback)(char *, size_t, size_t, void *));
CURLcode penny_curl_setopt_progress_callback(CURL *handle,
    int (*callback)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t));
CURLcode penny_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode penny_curl_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode penny_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value);
CURLcode penny_curl_getinfo_pointer(CURL *handle, CURLINFO info, void **value);
CURLMcode penny_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

// curses attribute macros.
attr_t penny_attr_normal(void);
attr_t penny_attr_bold(void);
attr_t penny_attr_dim(void);
attr_t penny_attr_underline(void);
attr_t penny_attr_reverse(void);
attr_t penny_attr_italic(void);

// libc functions Swift's Glibc module hides.
int penny_wcwidth(wchar_t c);
// memfd_create(name, 0): an anonymous file that survives exec (penny_memfd.c).
int penny_memfd(const char *name);

#endif
