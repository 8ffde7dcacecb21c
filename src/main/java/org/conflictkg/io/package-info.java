/**
 * File formats every stage shares: {@link org.conflictkg.io.TsvLib}, the one tab-separated reader
 * and writer (commons-csv).
 *
 * <p>May use: nothing of the project. Used by any layer.
 */
package org.conflictkg.io;
