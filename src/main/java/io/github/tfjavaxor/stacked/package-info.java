/**
 * Models trained side by side in one Graph and Session, one {@code session.run} per step for all
 * of them: the sweep's and statistical parity's groups of runs that share data and batch size.
 * {@link io.github.tfjavaxor.stacked.GroupFit} is the loop over two graphs: exact (each model's own
 * ops, bit-identical to single runs) and batched (a leading model axis, {@code BatchMatMul}; faster,
 * and opt-in because it rounds differently).
 */
package io.github.tfjavaxor.stacked;
