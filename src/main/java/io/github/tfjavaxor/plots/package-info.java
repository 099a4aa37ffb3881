/** PNG charts of training runs, drawn with XChart (headless). */
package io.github.tfjavaxor.plots;
