# A mention that names two entities.
# expect: sh:MaxCountConstraintComponent itsrdf:taIdentRef
PREFIX ng:     <https://w3id.org/newsgraph/ontology#>
PREFIX nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
INSERT { ?m itsrdf:taIdentRef ?other }
WHERE {
  { SELECT ?m WHERE { ?m a ng:Mention } ORDER BY ?m LIMIT 1 }
  { SELECT ?other WHERE { ?other a ng:Agreement } ORDER BY ?other LIMIT 1 }
}
