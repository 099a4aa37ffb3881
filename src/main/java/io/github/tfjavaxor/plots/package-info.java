/**
 * PNG charts drawn with XChart: training curves, the decision surface of a 2-input model, and the
 * sweep's epochs-to-100% chart. Every image is written atomically.
 */
package io.github.tfjavaxor.plots;
