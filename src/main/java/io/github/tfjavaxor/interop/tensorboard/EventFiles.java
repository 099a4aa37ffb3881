package io.github.tfjavaxor.interop.tensorboard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.tensorflow.proto.Event;

/**
 * Reads TensorBoard event files: TFRecord framing ({@code uint64 length, uint32 masked crc32c of
 * length, data, uint32 masked crc32c of data}, little-endian) around serialized {@code Event}
 * protos. Both checksums are verified.
 */
public final class EventFiles {

  private EventFiles() {}

  /**
   * The {@code events.out.tfevents.*} files under a directory, sorted by name.
   *
   * @param dir a log directory, searched recursively
   * @return the event files, sorted by name
   * @throws IOException if the directory cannot be walked
   */
  public static List<Path> find(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.")).sorted().toList();
    }
  }

  /**
   * Reads a TFRecord file of {@code Event} protos, checking each record's CRCs.
   *
   * @param file an {@code events.out.tfevents.*} file
   * @return every event in the file, in order
   * @throws IOException if the file is truncated or a checksum does not match
   */
  public static List<Event> read(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    List<Event> events = new ArrayList<>();
    while (b.remaining() > 0) {
      if (b.remaining() < 12) {
        throw new IOException(file + ": truncated record header at byte " + b.position());
      }
      int start = b.position();
      long length = b.getLong();
      int lengthCrc = b.getInt();
      if (lengthCrc != masked(b.array(), start, 8)) {
        throw new IOException(file + ": bad length checksum at byte " + start);
      }
      if (length < 0 || b.remaining() < length + 4) {
        throw new IOException(file + ": truncated record at byte " + start);
      }
      int dataStart = b.position();
      byte[] data = new byte[(int) length];
      b.get(data);
      if (b.getInt() != masked(b.array(), dataStart, (int) length)) {
        throw new IOException(file + ": bad data checksum at byte " + dataStart);
      }
      events.add(Event.parseFrom(data));
    }
    return events;
  }

  // TFRecord's masked CRC-32C.
  static int masked(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + 0xa282ead8;
  }
}
