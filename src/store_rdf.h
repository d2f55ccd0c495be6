/* newsgraph -- store_rdf: the librdf side of a store opened for reading.
 *
 * Internal to store.c and query.c: query.c runs SPARQL through the librdf
 * world and model that ng_store_open(NG_STORE_READ) made over the store's
 * file.  Everything returned is borrowed from the store.
 */
#ifndef NG_STORE_RDF_H
#define NG_STORE_RDF_H

#include "store.h"

#include <redland.h>

/** The librdf world and model of a store opened with NG_STORE_READ (NULL
 *  for NG_STORE_CREATE). */
librdf_world *ng_store_rdf_world(const NgStore *s);
librdf_model *ng_store_rdf_model(const NgStore *s);

/** The last error librdf or rasqal logged since ng_store_rdf_clear_error
 *  ("" when none). */
const char *ng_store_rdf_error(const NgStore *s);
void ng_store_rdf_clear_error(NgStore *s);

#endif /* NG_STORE_RDF_H */
