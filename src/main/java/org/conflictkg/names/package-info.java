/**
 * Name folding shared by identity (IRIs), the actor registry and the gazetteer, and the one name
 * key for matching place names ({@link org.conflictkg.names.NameKeys}).
 *
 * <p>May use: nothing of the project (ICU4J, Caffeine). Used by every layer.
 */
package org.conflictkg.names;
