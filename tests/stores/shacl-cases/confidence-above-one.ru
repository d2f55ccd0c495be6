# A confidence of 1.5.
# expect: sh:MaxInclusiveConstraintComponent ng:confidence
PREFIX ng:     <https://w3id.org/newsgraph/ontology#>
PREFIX nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
DELETE { ?x ng:confidence ?c }
INSERT { ?x ng:confidence 1.5 }
WHERE {
  { SELECT ?x WHERE { ?x a ng:RoleAssignment } ORDER BY ?x LIMIT 1 }
  ?x ng:confidence ?c .
}
