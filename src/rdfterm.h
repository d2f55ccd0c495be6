/* newsgraph -- rdfterm: NgTriple -> librdf statement.
 *
 * Internal to the two modules that hold librdf models: graph (queries over
 * one run's triples) and store (the persistent store).
 */
#ifndef NG_RDFTERM_H
#define NG_RDFTERM_H

#include "triple.h"

#include <redland.h>

/** A new librdf statement for `t` in world `w`, owned by the caller
 *  (librdf_free_statement), or NULL when librdf refuses a term. */
librdf_statement *ng_rdf_statement(librdf_world *w, const NgTriple *t);

#endif /* NG_RDFTERM_H */
