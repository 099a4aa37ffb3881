/**
 * Training data: the logic gates, n-bit parity and numeric CSV files, loaded and fully checked in
 * Java before any native work. Bad files raise {@link io.github.tfjavaxor.datasets.DataException}
 * with file:line:column.
 */
package io.github.tfjavaxor.datasets;
