/**
 * The {@code tfjava-xor} command line (picocli): tutorial, train, evaluate, predict, summary, sweep
 * and merge. Every flag and input file is checked before the TensorFlow native library loads.
 * Exit codes: 0 success, 1 other failure, 2 usage error, 3 data or file error (a file, with the
 * line:column or the dataset path inside it) and {@code --device gpu} without a usable GPU. Model
 * files are told apart by the path ({@link io.github.tfjavaxor.cli.ModelFiles}): {@code .keras},
 * {@code .weights.h5}, a SavedModel directory ({@code PATH/} for {@code --save}), else a TF
 * checkpoint prefix.
 *
 * <p>Also the Keras comparison commands {@link io.github.tfjavaxor.cli.SideBySideCommand} and
 * {@link io.github.tfjavaxor.cli.StatisticalParityCommand} (docs/side-by-side.md).
 */
package io.github.tfjavaxor.cli;
