/* newsgraph -- the vocabulary shared by the pipeline stages: entity types
 * and the ontology classes they map to.
 */
#ifndef NG_TYPES_H
#define NG_TYPES_H

/** The four kinds of entity newsgraph extracts. */
typedef enum { NG_TYPE_PERSON, NG_TYPE_ORG, NG_TYPE_PLACE, NG_TYPE_AGREEMENT, NG_TYPE_COUNT } NgEntityType;

/** Ontology classes (local names in the ng: namespace, see ng_class_name). */
typedef enum {
  NG_CLS_PERSON,
  NG_CLS_ORGANIZATION,
  NG_CLS_UNIVERSITY,
  NG_CLS_THINKTANK,
  NG_CLS_GOVBODY,
  NG_CLS_NEWSAGENCY,
  NG_CLS_INTLORG,
  NG_CLS_PARTY,
  NG_CLS_ARMEDGROUP,
  NG_CLS_UNIT,
  NG_CLS_PUBLICATION,
  NG_CLS_COMPANY,
  NG_CLS_PLACE,
  NG_CLS_COUNTRY,
  NG_CLS_CITY,
  NG_CLS_REGION,
  NG_CLS_FACILITY,
  NG_CLS_AGREEMENT,
  NG_CLS_COUNT
} NgClass;

/** Local name of `cls` in the ontology ("Person", "University", ...).
 *  Static string. */
const char *ng_class_name(NgClass cls);

/** Parse a class local name; returns NG_CLS_COUNT when unknown. */
NgClass ng_class_parse(const char *name);

/** The entity type a class belongs to. */
NgEntityType ng_class_type(NgClass cls);

/** Lowercase type name used in IRIs: "person", "org", "place", "agreement". */
const char *ng_type_slug(NgEntityType type);

#endif /* NG_TYPES_H */
