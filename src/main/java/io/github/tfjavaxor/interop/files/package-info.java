/** Writing files so that readers never see half a file: temp file in the same folder, then an atomic move. */
package io.github.tfjavaxor.interop.files;
