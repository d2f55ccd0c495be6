# A mention pointing at a node that is no person, organization, place or agreement.
# expect: sh:OrConstraintComponent itsrdf:taIdentRef
PREFIX ng:     <https://w3id.org/newsgraph/ontology#>
PREFIX nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
DELETE { ?m itsrdf:taIdentRef ?e }
INSERT { ?m itsrdf:taIdentRef <https://w3id.org/newsgraph/id/nothing/at-all> }
WHERE {
  { SELECT ?m WHERE { ?m a ng:Mention } ORDER BY ?m LIMIT 1 }
  ?m itsrdf:taIdentRef ?e .
}
