/** Benchmark commands that print measured numbers; no speed targets live in tests. */
package io.github.tfjavaxor.bench;
