// libcurl is opened with dlopen the first time Penny needs the network: linking it would make
// the dynamic loader map and relocate libcurl and the ~30 libraries it needs (TLS, Kerberos,
// LDAP, SSH…) at every start, which was most of the start-up time of `penny --dump FILE`.
#define _GNU_SOURCE
#include "penny_shim.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_perform)(CURLM *, int *);
    CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd[], unsigned int, int, int *);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
    CURLMcode (*multi_cleanup)(CURLM *);
    CURLMcode (*multi_setopt)(CURLM *, CURLMoption, ...);
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded;
static char load_error[512];

static int find(void *library, void **slot, const char *name) {
    *slot = dlsym(library, name);
    if (*slot == NULL) snprintf(load_error, sizeof load_error, "libcurl has no %s", name);
    return *slot != NULL;
}

#define FIND(field, name) if (!find(library, (void **)&api.field, name)) return

static void load(void) {
    // Lazily bound: libcurl's dependencies export thousands of functions a page load never
    // calls, and binding them all up front (RTLD_NOW) was a third of a small HTTP dump.
    void *library = dlopen("libcurl.so.4", RTLD_LAZY | RTLD_LOCAL);
    if (library == NULL) library = dlopen("libcurl.so", RTLD_LAZY | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(load_error, sizeof load_error, "cannot load libcurl: %s", reason ? reason : "unknown reason");
        return;
    }
    FIND(global_init, "curl_global_init");
    FIND(easy_init, "curl_easy_init");
    FIND(easy_cleanup, "curl_easy_cleanup");
    FIND(easy_perform, "curl_easy_perform");
    FIND(easy_strerror, "curl_easy_strerror");
    FIND(easy_setopt, "curl_easy_setopt");
    FIND(easy_getinfo, "curl_easy_getinfo");
    FIND(slist_append, "curl_slist_append");
    FIND(slist_free_all, "curl_slist_free_all");
    FIND(multi_init, "curl_multi_init");
    FIND(multi_add_handle, "curl_multi_add_handle");
    FIND(multi_remove_handle, "curl_multi_remove_handle");
    FIND(multi_perform, "curl_multi_perform");
    FIND(multi_poll, "curl_multi_poll");
    FIND(multi_info_read, "curl_multi_info_read");
    FIND(multi_cleanup, "curl_multi_cleanup");
    FIND(multi_setopt, "curl_multi_setopt");
    if (api.global_init(CURL_GLOBAL_ALL) != CURLE_OK) {
        snprintf(load_error, sizeof load_error, "curl_global_init failed");
        return;
    }
    loaded = 1;
}

int penny_curl_load(void) {
    pthread_once(&load_once, load);
    return loaded;
}

const char *penny_curl_load_error(void) { return load_error; }

// Each wrapper is called only after penny_curl_load() returned 1, but stays safe if not.
CURL *penny_curl_easy_init(void) { return loaded ? api.easy_init() : NULL; }
void penny_curl_easy_cleanup(CURL *h) { if (loaded) api.easy_cleanup(h); }
CURLcode penny_curl_easy_perform(CURL *h) { return loaded ? api.easy_perform(h) : CURLE_FAILED_INIT; }
const char *penny_curl_easy_strerror(CURLcode code) { return loaded ? api.easy_strerror(code) : load_error; }
struct curl_slist *penny_curl_slist_append(struct curl_slist *list, const char *text) {
    return loaded ? api.slist_append(list, text) : NULL;
}
void penny_curl_slist_free_all(struct curl_slist *list) { if (loaded) api.slist_free_all(list); }
CURLM *penny_curl_multi_init(void) { return loaded ? api.multi_init() : NULL; }
CURLMcode penny_curl_multi_add_handle(CURLM *m, CURL *h) { return loaded ? api.multi_add_handle(m, h) : CURLM_INTERNAL_ERROR; }
CURLMcode penny_curl_multi_remove_handle(CURLM *m, CURL *h) { return loaded ? api.multi_remove_handle(m, h) : CURLM_INTERNAL_ERROR; }
CURLMcode penny_curl_multi_perform(CURLM *m, int *running) { return loaded ? api.multi_perform(m, running) : CURLM_INTERNAL_ERROR; }
CURLMcode penny_curl_multi_poll(CURLM *m, struct curl_waitfd extra[], unsigned int count, int timeout, int *ready) {
    return loaded ? api.multi_poll(m, extra, count, timeout, ready) : CURLM_INTERNAL_ERROR;
}
CURLMsg *penny_curl_multi_info_read(CURLM *m, int *queued) { return loaded ? api.multi_info_read(m, queued) : NULL; }
CURLMcode penny_curl_multi_cleanup(CURLM *m) { return loaded ? api.multi_cleanup(m) : CURLM_INTERNAL_ERROR; }

CURLcode penny_curl_setopt_long(CURL *h, CURLoption o, long v) { return api.easy_setopt(h, o, v); }
CURLcode penny_curl_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return api.easy_setopt(h, o, v); }
CURLcode penny_curl_setopt_string(CURL *h, CURLoption o, const char *v) { return api.easy_setopt(h, o, v); }
CURLcode penny_curl_setopt_pointer(CURL *h, CURLoption o, void *v) { return api.easy_setopt(h, o, v); }
CURLcode penny_curl_setopt_write_callback(CURL *h, CURLoption o, size_t (*cb)(char *, size_t, size_t, void *)) {
    return api.easy_setopt(h, o, cb);
}
CURLcode penny_curl_setopt_progress_callback(CURL *h, int (*cb)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t)) {
    return api.easy_setopt(h, CURLOPT_XFERINFOFUNCTION, cb);
}
CURLcode penny_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return api.easy_getinfo(h, i, v); }
CURLcode penny_curl_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return api.easy_getinfo(h, i, v); }
CURLcode penny_curl_getinfo_string(CURL *h, CURLINFO i, const char **v) { return api.easy_getinfo(h, i, v); }
CURLcode penny_curl_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return api.easy_getinfo(h, i, v); }
CURLMcode penny_curl_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return api.multi_setopt(m, o, v); }
