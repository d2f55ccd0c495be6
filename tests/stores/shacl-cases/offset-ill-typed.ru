# An end offset typed xsd:nonNegativeInteger whose lexical form is not a number.
# expect: sh:DatatypeConstraintComponent nif:endIndex
PREFIX ng:     <https://w3id.org/newsgraph/ontology#>
PREFIX nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
DELETE { ?m nif:endIndex ?e }
INSERT { ?m nif:endIndex "twelve"^^xsd:nonNegativeInteger }
WHERE {
  { SELECT ?m WHERE { ?m a ng:Mention } ORDER BY DESC(?m) LIMIT 1 }
  ?m nif:endIndex ?e .
}
