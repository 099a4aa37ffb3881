/** The Keras XOR tutorial, translated line by line to TensorFlow Java's graph API. */
package io.github.tfjavaxor.tutorial;
