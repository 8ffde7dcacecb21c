/**
 * GeoJSON (RFC 7946) output: a streaming FeatureCollection writer over Jackson's generator, and
 * JTS geometry helpers for WKT literals and WGS 84 points. Used by {@code export --format geojson}
 * and {@code query --format geojson}.
 *
 * <p>May use: the base layer only (and JTS, Jackson); the packages that write GeoJSON use it.
 */
package org.conflictkg.geojson;
