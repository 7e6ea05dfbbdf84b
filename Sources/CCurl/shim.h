#ifndef KOCHBUCH_CCURL_SHIM_H
#define KOCHBUCH_CCURL_SHIM_H
// libcurl (Debian libcurl4), opened only when external links are checked: the tool does not
// load it, and the thirty libraries it needs, every time it starts.
#include <curl/curl.h>
#include <dlfcn.h>
#include <stddef.h>

/// libcurl's entry points, found by name; the fields stay opaque to Swift.
typedef struct {
    void *easy_init;
    void *easy_setopt;
    void *easy_perform;
    void *easy_getinfo;
    void *easy_cleanup;
    void *easy_strerror;
} kb_curl;

/// Opens libcurl and initialises it once; 0 when it is there and complete.
static inline int kb_curl_open(kb_curl *api) {
    const char *names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) return -1;
    void *global_init = dlsym(library, "curl_global_init");
    api->easy_init = dlsym(library, "curl_easy_init");
    api->easy_setopt = dlsym(library, "curl_easy_setopt");
    api->easy_perform = dlsym(library, "curl_easy_perform");
    api->easy_getinfo = dlsym(library, "curl_easy_getinfo");
    api->easy_cleanup = dlsym(library, "curl_easy_cleanup");
    api->easy_strerror = dlsym(library, "curl_easy_strerror");
    if (!global_init || !api->easy_init || !api->easy_setopt || !api->easy_perform || !api->easy_getinfo
        || !api->easy_cleanup || !api->easy_strerror) return -1;
    return ((CURLcode (*)(long))global_init)(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

static inline size_t kb_curl_discard(char *data, size_t size, size_t count, void *context) {
    (void)data;
    (void)context;
    return size * count;
}

/// One request to `url`, following redirects over http and https only: HEAD, or a GET of the
/// first byte. The HTTP status of the last answer goes to `status`, the system's error number of a
/// failed connection to `os_error`; returns CURLE_OK or the error.
static inline int kb_curl_request(const kb_curl *api, const char *url, int head, long timeout_ms,
                                  const char *agent, long *status, long *os_error) {
    CURLcode (*setopt)(CURL *, CURLoption, ...) = (CURLcode (*)(CURL *, CURLoption, ...))api->easy_setopt;
    CURL *curl = ((CURL *(*)(void))api->easy_init)();
    *status = 0;
    *os_error = 0;
    if (curl == NULL) return CURLE_FAILED_INIT;
    setopt(curl, CURLOPT_URL, url);
    setopt(curl, CURLOPT_NOSIGNAL, 1L);
    setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    setopt(curl, CURLOPT_MAXREDIRS, 10L);
    setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
    setopt(curl, CURLOPT_USERAGENT, agent);
    setopt(curl, CURLOPT_WRITEFUNCTION, kb_curl_discard);
    if (head) {
        setopt(curl, CURLOPT_NOBODY, 1L);
    } else {
        setopt(curl, CURLOPT_RANGE, "0-0");
    }
    CURLcode result = ((CURLcode (*)(CURL *))api->easy_perform)(curl);
    CURLcode (*getinfo)(CURL *, CURLINFO, ...) = (CURLcode (*)(CURL *, CURLINFO, ...))api->easy_getinfo;
    if (result == CURLE_OK) {
        getinfo(curl, CURLINFO_RESPONSE_CODE, status);
    } else {
        getinfo(curl, CURLINFO_OS_ERRNO, os_error);
    }
    ((void (*)(CURL *))api->easy_cleanup)(curl);
    return result;
}

/// libcurl's words for an error code.
static inline const char *kb_curl_error(const kb_curl *api, int code) {
    return ((const char *(*)(CURLcode))api->easy_strerror)((CURLcode)code);
}

enum {
    KB_CURLE_COULDNT_RESOLVE_HOST = CURLE_COULDNT_RESOLVE_HOST,
    KB_CURLE_COULDNT_CONNECT = CURLE_COULDNT_CONNECT,
    KB_CURLE_OPERATION_TIMEDOUT = CURLE_OPERATION_TIMEDOUT,
};
#endif
