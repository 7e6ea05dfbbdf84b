#ifndef KOCHBUCH_CSQLITE_SHIM_H
#define KOCHBUCH_CSQLITE_SHIM_H
// The system SQLite (Debian libsqlite3-dev), built with FTS5.
#include <sqlite3.h>
// SQLITE_TRANSIENT is a macro casting -1 to a function pointer; Swift cannot import it.
static inline sqlite3_destructor_type kb_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
