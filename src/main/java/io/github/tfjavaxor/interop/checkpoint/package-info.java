/**
 * TensorFlow checkpoints ({@code Session.save/restore}: weights, optimizer slots and step counter)
 * with a JSON description of the model, and Keras's {@code ModelCheckpoint} callback writing them.
 */
package io.github.tfjavaxor.interop.checkpoint;
