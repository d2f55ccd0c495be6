# A person without a name.
# expect: sh:MinCountConstraintComponent rdfs:label
PREFIX ng:     <https://w3id.org/newsgraph/ontology#>
PREFIX nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
DELETE { ?x rdfs:label ?l }
WHERE {
  { SELECT ?x WHERE { ?x a ng:Person } ORDER BY DESC(?x) LIMIT 1 }
  ?x rdfs:label ?l .
}
