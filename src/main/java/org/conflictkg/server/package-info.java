/**
 * The embedded Fuseki server over a TDB2 store: loopback by default, read-only unless updates are
 * asked for with credentials, queries time out, {@code SERVICE} and file {@code LOAD} refused.
 *
 * <p>May use: {@code store}, {@code query} and the layers below them; not {@code cli}.
 */
package org.conflictkg.server;
