/**
 * Plumbing every stage shares: {@link org.conflictkg.pipeline.OrderedPipeline}, work on all
 * cores with results in input order.
 *
 * <p>May use: nothing of the project but {@code org.conflictkg}'s root exception. Used by any layer.
 */
package org.conflictkg.pipeline;
