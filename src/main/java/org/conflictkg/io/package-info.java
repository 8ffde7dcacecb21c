/**
 * File formats every stage shares: {@link org.conflictkg.io.TsvLib}, the one tab-separated reader
 * and writer (commons-csv); {@link org.conflictkg.io.ResourceLib}, the listing of data files shipped
 * on the class path.
 *
 * <p>May use: nothing of the project. Used by any layer.
 */
package org.conflictkg.io;
