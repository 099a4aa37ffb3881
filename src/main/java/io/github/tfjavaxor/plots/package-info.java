/**
 * PNG charts drawn with XChart: training curves, the decision surface of a 2-input model, the
 * sweep's epochs-to-100% chart, and the Keras-vs-Java loss curves of the side-by-side command.
 * Every image is written atomically.
 */
package io.github.tfjavaxor.plots;
