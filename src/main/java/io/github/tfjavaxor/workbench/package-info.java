/**
 * What the CLI and the sweep share: a checked, serialisable model description ({@link
 * io.github.tfjavaxor.workbench.ModelSpec}) and the parsing of its flag values. Pure Java: nothing
 * here loads the TensorFlow native library until {@link
 * io.github.tfjavaxor.workbench.ModelSpec#build()} is called.
 */
package io.github.tfjavaxor.workbench;
