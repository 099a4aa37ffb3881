/**
 * Models trained side by side in one Graph and Session, one {@code session.run} per step for all
 * of them: the sweep's and statistical parity's groups of runs that share data and batch size.
 * {@link io.github.tfjavaxor.stacked.GroupFit} is the loop; the exact graph (each model's own ops,
 * bit-identical to single runs) is the default, the batched graph (a leading model axis, {@code
 * BatchMatMul}) is faster and opt-in because it rounds differently.
 */
package io.github.tfjavaxor.stacked;
