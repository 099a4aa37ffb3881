/**
 * File formats and interop around the core: atomic file writes, TF checkpoints with their JSON
 * description, TensorBoard event files.
 */
package io.github.tfjavaxor.interop;
