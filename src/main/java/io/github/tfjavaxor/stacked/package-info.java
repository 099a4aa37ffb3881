/**
 * Models of one configuration trained side by side in one Graph and Session: the sweep's and
 * statistical parity's groups of runs. {@link io.github.tfjavaxor.stacked.GroupFit} compiles a
 * group's {@code Stack} of the one train step into a scan over all its epochs and runs it; {@link
 * io.github.tfjavaxor.stacked.GroupKey} says which runs form a group. No forward pass, gradient or
 * optimizer math of its own: that is the step's, in {@code io.github.tfjavaxor.keras}.
 */
package io.github.tfjavaxor.stacked;
