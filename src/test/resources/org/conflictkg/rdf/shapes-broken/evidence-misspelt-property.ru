# An evidence span carrying a misspelt property, which the closed shape rejects.
# focus: <https://w3id.org/conflict-kg/evidence/2020-01-31-newarab-saraqeb/188-274>
# path: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndx>
# component: Closed

PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA {
  GRAPH <https://w3id.org/conflict-kg/graph/article/2020-01-31-newarab-saraqeb> {
    <https://w3id.org/conflict-kg/evidence/2020-01-31-newarab-saraqeb/188-274> nif:beginIndx "188"^^xsd:nonNegativeInteger .
  }
}
