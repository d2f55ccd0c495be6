# An event date that is a plain string, not an xsd:date.
# expect: sh:DatatypeConstraintComponent ng:eventDate
PREFIX ng:     <https://w3id.org/newsgraph/ontology#>
PREFIX nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
DELETE { ?e ng:eventDate ?d }
INSERT { ?e ng:eventDate ?s }
WHERE {
  { SELECT ?e WHERE { ?e ng:eventDate ?any } ORDER BY ?e LIMIT 1 }
  ?e ng:eventDate ?d .
  BIND(STR(?d) AS ?s)
}
