#ifndef KOCHBUCH_CSTEMMER_SHIM_H
#define KOCHBUCH_CSTEMMER_SHIM_H
// Snowball's libstemmer (Debian libstemmer-dev); it ships no pkg-config file.
#include <libstemmer.h>
#endif
