package io.github.tfjavaxor.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.datasets.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KerasReportTest {
  @TempDir Path tmp;

  private Path write(String json) throws IOException {
    return Files.writeString(tmp.resolve("r.json"), json);
  }

  private static String report(String orders) {
    return "{\"history\": {\"loss\": [0.25, NaN], \"binary_accuracy\": [0.5, 0.75],"
        + " \"val_loss\": [0.5, 0.4000000059604645], \"val_binary_accuracy\": [0.0, 1.0]},"
        + " \"evaluate\": {\"binary_accuracy\": 0.75, \"loss\": 0.125}, \"train_rows\": 3,"
        + " \"predictions\": [[0.1], [0.9], [0.8], [0.2]], \"orders\": " + orders
        + ", \"onednn_opts\": \"0\"}";
  }

  @Test
  void readsHistoryValidationEntriesAndOrdersExactly() throws Exception {
    KerasReport r = KerasReport.read(write(report("[[2, 0, 1], [0, 1, 2]]")), 2);
    assertEquals(List.of("loss", "binary_accuracy", "val_loss", "val_binary_accuracy"),
        List.copyOf(r.log().history().keySet()));
    assertEquals(0.4f, r.log().get("val_loss")[1]);
    assertTrue(Float.isNaN(r.log().loss()[1]));
    assertEquals(List.of("loss", "binary_accuracy"), List.copyOf(r.log().evaluate().keySet()));
    assertArrayEquals(new int[][] {{2, 0, 1}, {0, 1, 2}}, r.orders());
    assertEquals(3, r.trainRows());
    assertEquals("0", r.onednn());
    assertNull(KerasReport.read(write(report("null")), 2).orders());
  }

  @Test
  void rejectsOrdersThatAreNotPermutationsOfTheTrainingRows() throws IOException {
    Path f = write(report("[[2, 0, 1], [0, 0, 2]]"));
    DataException e = assertThrows(DataException.class, () -> KerasReport.read(f, 2));
    assertEquals(f + ": Keras report: orders[1]: expected a permutation of the 3 training rows"
        + " 0..2, found [0, 0, 2]", e.getMessage());
    Path g = write(report("[[2, 0, 1, 3], [0, 1, 2, 3]]"));
    e = assertThrows(DataException.class, () -> KerasReport.read(g, 2));
    assertEquals(g + ": Keras report: orders[0]: expected a permutation of the 3 training rows"
        + " 0..2, found [2, 0, 1, 3]", e.getMessage());
    Path h = write(report("[[2, 0, 1]]"));
    e = assertThrows(DataException.class, () -> KerasReport.read(h, 2));
    assertEquals(h + ": Keras report: orders: expected one per epoch (2), found 1",
        e.getMessage());
  }

  @Test
  void rejectsMissingFieldsAndWrongLengths() throws IOException {
    Path f = write("{\"history\": {}}");
    assertEquals(f + ": Keras report: field 'evaluate' is missing",
        assertThrows(DataException.class, () -> KerasReport.read(f, 0)).getMessage());
    Path g = write(report("null"));
    assertEquals(g + ": Keras report: history 'loss': expected 3 epochs, found 2",
        assertThrows(DataException.class, () -> KerasReport.read(g, 3)).getMessage());
  }
}
