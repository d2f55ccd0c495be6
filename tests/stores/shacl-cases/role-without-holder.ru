# A role assignment nobody holds.
# expect: sh:MinCountConstraintComponent ng:holder
PREFIX ng:     <https://w3id.org/newsgraph/ontology#>
PREFIX nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
DELETE { ?r ng:holder ?p }
WHERE {
  { SELECT ?r WHERE { ?r a ng:RoleAssignment } ORDER BY ?r LIMIT 1 }
  ?r ng:holder ?p .
}
