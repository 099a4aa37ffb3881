/**
 * Sweeps: a grid of model configurations times seeds, run in parallel (one Graph and Session per
 * run, one run per core; or, with {@code --group}, groups of runs side by side in one graph each,
 * {@link io.github.tfjavaxor.sweep.GroupedRunner}), appended run by run to a CSV so that an interrupted sweep can resume and
 * shards from several machines can be merged; then summarised per configuration.
 */
package io.github.tfjavaxor.sweep;
