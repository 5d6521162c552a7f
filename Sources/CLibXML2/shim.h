#ifndef CHILDLINK_CLIBXML2_SHIM_H
#define CHILDLINK_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Swift's Foundation and libxml2's ICU headers disagree on UErrorCode; ChildLink never needs ICU.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function-pointer variable, which Swift 6 concurrency checking rejects.
static inline void childlink_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
