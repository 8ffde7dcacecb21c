/** Name folding shared by identity (IRIs), the actor registry and the gazetteer. */
package org.conflictkg.names;
