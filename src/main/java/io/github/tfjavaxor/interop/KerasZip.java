package io.github.tfjavaxor.interop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the entries of a {@code .keras} zip and checks each one's CRC-32 against the central
 * directory before any byte is used, as Python's {@code zipfile} does for Keras ({@code
 * BadZipFile: Bad CRC-32 for file 'model.weights.h5'}). Java's {@link ZipFile} checks no CRC for
 * STORED entries, which is how Keras 3 writes them, so a flipped byte in the weights would
 * otherwise load silently.
 */
final class KerasZip {
  private KerasZip() {}

  /**
   * The named entries' bytes, in the order asked.
   *
   * @param file the {@code .keras} file
   * @param names the entries every {@code .keras} file holds
   * @throws KerasFileException if the file is missing, not a zip, truncated, an entry is
   *     missing, or an entry's size or CRC-32 differs from the central directory's
   */
  static Map<String, byte[]> read(Path file, List<String> names) throws KerasFileException {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw new KerasFileException(file + ": no such file");
    }
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (String entry : names) {
        ZipEntry e = zip.getEntry(entry);
        if (e == null) {
          throw new KerasFileException(name + ": entry " + entry + " is missing; a .keras file"
              + " holds " + String.join(", ", names.subList(0, names.size() - 1)) + " and "
              + names.get(names.size() - 1));
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(e)) {
          bytes = in.readAllBytes();
        }
        entries.put(entry, check(name, e, bytes));
      }
    } catch (KerasFileException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // ZipException, EOFException, or an inflater error in a corrupt deflated entry.
      throw new KerasFileException(name + ": not a readable zip archive (truncated or corrupt? "
          + e.getMessage() + "); a .keras file is a zip", e);
    }
    return entries;
  }

  private static byte[] check(String name, ZipEntry e, byte[] bytes) throws KerasFileException {
    if (e.getSize() >= 0 && e.getSize() != bytes.length) {
      throw new KerasFileException(name + ": entry " + e.getName() + ": expected " + e.getSize()
          + " bytes as the zip directory says, found " + bytes.length + " (corrupt zip)");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes);
    if (crc.getValue() != e.getCrc()) {
      throw new KerasFileException(String.format(
          "%s: bad CRC-32 for entry %s: expected %08x as the zip directory says, found %08x; the"
              + " file is corrupt (Keras refuses it too)", name, e.getName(), e.getCrc(),
          crc.getValue()));
    }
    return bytes;
  }
}
