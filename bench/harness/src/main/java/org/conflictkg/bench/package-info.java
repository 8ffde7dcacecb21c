/**
 * Benchmarks of conflict-kg: {@link org.conflictkg.bench.Harness} runs whole-pipeline measurements
 * against same-run baselines and prints a table of ratios and {@code RATIO} lines; the JMH classes
 * ({@code *Benchmark}) measure single steps.
 */
package org.conflictkg.bench;
