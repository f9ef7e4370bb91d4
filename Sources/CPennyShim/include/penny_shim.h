#ifndef PENNY_SHIM_H
#define PENNY_SHIM_H
// What Swift cannot call directly: variadic libcurl setters, curses attribute
// macros, and libc functions hidden by Swift's Glibc module.
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <curl/curl.h>
#include <stddef.h>
#include <wchar.h>

// libcurl (curl_easy_setopt / getinfo / curl_multi_setopt are variadic).
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

#endif
