# A meeting whose place is a person.
# expect: sh:ClassConstraintComponent ng:eventPlace
PREFIX ng:     <https://w3id.org/newsgraph/ontology#>
PREFIX nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
DELETE { ?e ng:eventPlace ?p }
INSERT { ?e ng:eventPlace ?who }
WHERE {
  { SELECT ?e WHERE { ?e a ng:Meeting } ORDER BY ?e LIMIT 1 }
  ?e ng:eventPlace ?p ; ng:participant ?who .
  FILTER NOT EXISTS { ?e ng:participant ?w2 FILTER(STR(?w2) < STR(?who)) }
}
