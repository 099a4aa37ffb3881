/** Command-line entry points (picocli). Options are checked before any native work. */
package io.github.tfjavaxor.cli;
