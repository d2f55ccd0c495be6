# A mention whose begin offset is a plain string instead of an integer.
# expect: sh:DatatypeConstraintComponent nif:beginIndex
PREFIX ng:     <https://w3id.org/newsgraph/ontology#>
PREFIX nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
DELETE { ?m nif:beginIndex ?b }
INSERT { ?m nif:beginIndex ?s }
WHERE {
  { SELECT ?m WHERE { ?m a ng:Mention } ORDER BY ?m LIMIT 1 }
  ?m nif:beginIndex ?b .
  BIND(STR(?b) AS ?s)
}
