# An evidence span offset typed xsd:int instead of xsd:nonNegativeInteger.
# focus: <https://w3id.org/conflict-kg/evidence/2020-01-31-newarab-saraqeb/806-890>
# path: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex>
# component: Datatype

PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX status: <https://w3id.org/conflict-kg/vocab/status/>
PREFIX qualifier: <https://w3id.org/conflict-kg/vocab/qualifier/>
PREFIX placekind: <https://w3id.org/conflict-kg/vocab/place-kind/>
PREFIX ev: <https://w3id.org/conflict-kg/event/2020-01-31-newarab-saraqeb/>
PREFIX fig: <https://w3id.org/conflict-kg/figure/2020-01-31-newarab-saraqeb/>
PREFIX span: <https://w3id.org/conflict-kg/evidence/2020-01-31-newarab-saraqeb/>
PREFIX route: <https://w3id.org/conflict-kg/route/2020-01-31-newarab-saraqeb/>
PREFIX actor: <https://w3id.org/conflict-kg/actor/>
PREFIX place: <https://w3id.org/conflict-kg/place/geonames/>

DELETE { GRAPH ?g { span:806-890 nif:endIndex ?e } } INSERT { GRAPH ?g { span:806-890 nif:endIndex "890"^^xsd:int } } WHERE { GRAPH ?g { span:806-890 nif:endIndex ?e } }
