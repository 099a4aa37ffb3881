/**
 * Side-by-side runs of the Keras reference ({@code python/xor_keras3.py}) and the Java port from
 * the same initial weights, and their comparison: per-epoch loss and accuracy ({@link
 * io.github.tfjavaxor.parity.SideBySide}, {@link io.github.tfjavaxor.parity.Comparison}) and the
 * statistics of many independent random starts ({@link
 * io.github.tfjavaxor.parity.StatisticalParity}).
 */
package io.github.tfjavaxor.parity;
