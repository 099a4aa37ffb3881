/**
 * The {@code tfjava-xor} command line (picocli): tutorial, train, evaluate, predict, summary, sweep
 * and merge. Every flag and input file is checked before the TensorFlow native library loads.
 * Exit codes: 0 success, 1 other failure, 2 usage error, 3 data or file error.
 *
 * <p>Also the Keras comparison commands {@link io.github.tfjavaxor.cli.SideBySideCommand} and
 * {@link io.github.tfjavaxor.cli.StatisticalParityCommand} (docs/side-by-side.md).
 */
package io.github.tfjavaxor.cli;
