# A derived merged control change that claims to be derived from an article rather than from the
# control changes it merges.
# focus: <https://w3id.org/conflict-kg/derived/change/test>
# path: <http://www.w3.org/ns/prov#wasDerivedFrom>
# component: Class

PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA {
  GRAPH <https://w3id.org/conflict-kg/graph/derived> {
    <https://w3id.org/conflict-kg/derived/change/test> a ckg:MergedControlChange ;
        ckg:territory <https://w3id.org/conflict-kg/place/geonames/167611> ;
        ckg:toSide <https://w3id.org/conflict-kg/vocab/side/government> ;
        ckg:toActor <https://w3id.org/conflict-kg/actor/syrian-government> ;
        ckg:status <https://w3id.org/conflict-kg/vocab/status/completed> ;
        prov:wasDerivedFrom <https://w3id.org/conflict-kg/article/2020-01-31-newarab-saraqeb> ;
        ckg:earliestReported "2020-01-29"^^xsd:date ;
        ckg:latestReported "2020-01-29"^^xsd:date ;
        ckg:reportCount 1 ;
        ckg:sourceCount 1 ;
        ckg:disputed false .
  }
}
