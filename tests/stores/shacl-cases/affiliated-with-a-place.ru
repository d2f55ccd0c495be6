# A person affiliated with a place instead of an organization.
# expect: sh:ClassConstraintComponent ng:affiliatedWith
PREFIX ng:     <https://w3id.org/newsgraph/ontology#>
PREFIX nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
INSERT { ?x ng:affiliatedWith ?place }
WHERE {
  { SELECT ?x WHERE { ?x a ng:Person } ORDER BY ?x LIMIT 1 }
  { SELECT ?place WHERE { ?place a ng:City } ORDER BY ?place LIMIT 1 }
}
