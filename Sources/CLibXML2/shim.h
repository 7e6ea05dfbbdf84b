#ifndef KOCHBUCH_CLIBXML2_SHIM_H
#define KOCHBUCH_CLIBXML2_SHIM_H

// xmlversion.h first: Debian's libxml2 is built with ICU, and libxml/encoding.h would pull in
// the system ICU headers, which clash with Foundation's bundled ICU on clean builds.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>

/// xmlFree is a macro (a thread-local global) in a threaded build; Swift cannot import it.
static inline void kb_xml_free(void *pointer) { xmlFree(pointer); }

/// The error's node as a node pointer (the field is declared as void *).
static inline xmlNodePtr kb_error_node(const xmlError *error) { return (xmlNodePtr)error->node; }

#endif
