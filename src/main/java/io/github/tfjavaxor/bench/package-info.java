/** Benchmarks: commands that print timings and memory, not tests. */
package io.github.tfjavaxor.bench;
