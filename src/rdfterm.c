#include "rdfterm.h"

librdf_statement *ng_rdf_statement(librdf_world *w, const NgTriple *t) {
  librdf_node *ns = librdf_new_node_from_uri_string(w, (const unsigned char *)t->s);
  librdf_node *np = librdf_new_node_from_uri_string(w, (const unsigned char *)t->p);
  librdf_node *no = NULL;
  if (t->o_iri) {
    no = librdf_new_node_from_uri_string(w, (const unsigned char *)t->o);
  } else if (t->datatype) {
    librdf_uri *u = librdf_new_uri(w, (const unsigned char *)t->datatype);
    no = u ? librdf_new_node_from_typed_literal(w, (const unsigned char *)t->o, NULL, u) : NULL;
    if (u) librdf_free_uri(u);
  } else {
    no = librdf_new_node_from_literal(w, (const unsigned char *)t->o, t->lang, 0);
  }
  /* librdf_new_statement_from_nodes takes the nodes, also when it fails */
  if (ns && np && no) return librdf_new_statement_from_nodes(w, ns, np, no);
  if (ns) librdf_free_node(ns);
  if (np) librdf_free_node(np);
  if (no) librdf_free_node(no);
  return NULL;
}
