/**
 * File formats and interop around the core: atomic file writes, TF checkpoints with their JSON
 * description, TensorBoard event files; and the formats shared with Python Keras and TensorFlow:
 * Keras 3 {@code .weights.h5} and {@code .keras} files ({@link
 * io.github.tfjavaxor.interop.KerasWeightsFile}, {@link io.github.tfjavaxor.interop.KerasModelFile}),
 * TensorFlow SavedModels ({@link io.github.tfjavaxor.interop.SavedModels}, {@link
 * io.github.tfjavaxor.interop.SavedModelPredictor}), and the project-local Python venv that runs the
 * Keras reference ({@link io.github.tfjavaxor.interop.PythonVenv}).
 *
 * <p>The Keras readers check the whole file against what the port can represent (a Sequential
 * stack of Dense layers) before any TensorFlow graph is built, and throw {@link
 * io.github.tfjavaxor.interop.KerasFileException} naming the file and the layer or dataset path.
 * Every {@code .keras} zip entry's CRC-32 is checked first (KerasZip), as Python's {@code zipfile}
 * does; {@link io.github.tfjavaxor.interop.KerasModelInfo} reads a file's model description and
 * optimizer step counter without native code, for the command line's checks.
 */
package io.github.tfjavaxor.interop;
