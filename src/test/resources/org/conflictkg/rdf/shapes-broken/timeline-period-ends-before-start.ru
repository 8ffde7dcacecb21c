# A derived timeline period that ends before it starts.
# focus: <https://w3id.org/conflict-kg/derived/period/test>
# path: <https://w3id.org/conflict-kg/ontology#since>
# component: LessThan

PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA {
  GRAPH <https://w3id.org/conflict-kg/graph/derived> {
    <https://w3id.org/conflict-kg/derived/period/test> a ckg:TimelinePeriod ;
        ckg:territory <https://w3id.org/conflict-kg/place/geonames/164816> ;
        ckg:controllerSide <https://w3id.org/conflict-kg/vocab/side/government> ;
        ckg:since "2020-02-10"^^xsd:date ;
        ckg:until "2020-02-01"^^xsd:date .
  }
}
