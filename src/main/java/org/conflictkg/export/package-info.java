/**
 * Exports that analysts open directly: GeoJSON layers for GIS (places with their controller on a
 * day, control periods, events, highways) and CSV tables for spreadsheets (ACLED-style events,
 * figures), read from a store place by place or article by article. The RDF exports are in
 * {@code org.conflictkg.store.StoreExport}. See docs/exports.md.
 *
 * <p>May use: {@code query} (its sources and runner), {@code derive}, {@code store}, {@code link},
 * {@code geojson}, {@code rdf}, {@code gazetteer}, {@code facts} and the base layer; not
 * {@code review}, {@code server} or {@code cli}.
 */
package org.conflictkg.export;
