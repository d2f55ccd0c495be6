# A statement whose directQuote flag is the string "false".
# expect: sh:DatatypeConstraintComponent ng:directQuote
PREFIX ng:     <https://w3id.org/newsgraph/ontology#>
PREFIX nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
DELETE { ?s ng:directQuote ?q }
INSERT { ?s ng:directQuote "false" }
WHERE {
  { SELECT ?s WHERE { ?s a ng:Statement } ORDER BY ?s LIMIT 1 }
  ?s ng:directQuote ?q .
}
