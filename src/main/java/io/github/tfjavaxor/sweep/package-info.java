/**
 * Sweeps: a grid of model configurations times seeds, run in parallel (one Graph and Session per
 * run, one run per core), appended run by run to a CSV so that an interrupted sweep can resume and
 * shards from several machines can be merged; then summarised per configuration.
 */
package io.github.tfjavaxor.sweep;
