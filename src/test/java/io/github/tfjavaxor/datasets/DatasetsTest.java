package io.github.tfjavaxor.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private String error(String text, String target) throws Exception {
    Path p = write("d.csv", text);
    DataException e = assertThrows(DataException.class, () -> CsvDatasets.read(p, target));
    return e.getMessage().replace(p.toString(), "d.csv");
  }

  @Test
  void gatesHaveTheirTruthTables() {
    float[][] inputs = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    String[] names = {"xor", "and", "or", "nand", "nor", "xnor"};
    float[][] expected = {{0, 1, 1, 0}, {0, 0, 0, 1}, {0, 1, 1, 1}, {1, 1, 1, 0}, {1, 0, 0, 0}, {1, 0, 0, 1}};
    for (int g = 0; g < names.length; g++) {
      Dataset d = LogicGates.byKey(names[g]).dataset();
      assertArrayEquals(inputs, d.x(), names[g]);
      for (int i = 0; i < 4; i++) {
        assertEquals(expected[g][i], d.y()[i][0], names[g] + " row " + i);
      }
    }
  }

  @Test
  void parityTwoIsXorAndParityThreeCountsOnes() {
    Dataset p2 = Parity.of(2);
    assertArrayEquals(LogicGates.XOR.dataset().x(), p2.x());
    assertArrayEquals(LogicGates.XOR.dataset().y(), p2.y());
    Dataset p3 = Parity.of(3);
    assertEquals(8, p3.rows());
    assertArrayEquals(new float[] {1, 1, 0}, p3.x()[6]); // 6 = 0b110
    assertEquals(0f, p3.y()[6][0]);
    assertEquals(1f, p3.y()[7][0]);
    assertEquals(1 << 20, Parity.of(20).rows());
  }

  @Test
  void badBuiltinNamesAreUsageErrors() {
    assertEquals(
        "--data parity:N: expected N in 1..20, found 21",
        assertThrows(IllegalArgumentException.class, () -> Datasets.checkBuiltin("parity:21")).getMessage());
    assertEquals(
        "--data parity:N: expected an integer N in 1..20, found 'x'",
        assertThrows(IllegalArgumentException.class, () -> Datasets.checkBuiltin("parity:x")).getMessage());
  }

  @Test
  void readsCsvWithTargetAnywhereAndBlankLines() throws Exception {
    Path p = write("ok.csv", "a,y,b\n0,1,2\n\n 3.5 ,0,-1e2\n");
    Dataset d = CsvDatasets.read(p, "y");
    assertEquals(List.of("a", "b"), d.featureNames());
    assertArrayEquals(new float[][] {{0, 2}, {3.5f, -100f}}, d.x());
    assertArrayEquals(new float[][] {{1}, {0}}, d.y());
  }

  @Test
  void missingTargetColumn() throws Exception {
    assertEquals(
        "d.csv:1: target column 'z' not found; the header has [a, b, y]", error("a,b,y\n1,2,3\n", "z"));
  }

  @Test
  void raggedRowsNameTheLineAndFirstBadField() throws Exception {
    assertEquals(
        "d.csv:3:3: ragged row: expected 3 fields as in the header, found 2",
        error("a,b,y\n1,2,3\n4,5\n", "y"));
    assertEquals(
        "d.csv:4:4: ragged row: expected 3 fields as in the header, found 4",
        error("a,b,y\n\n1,2,3\n4,5,6,7\n", "y"));
  }

  @Test
  void nonNumericCells() throws Exception {
    assertEquals(
        "d.csv:3:2: column 'b': expected a number, found 'abc'", error("a,b,y\n1,2,3\n4,abc,6\n", "y"));
    assertEquals(
        "d.csv:2:1: column 'a': expected a number, found an empty field", error("a,b,y\n,2,3\n", "y"));
    assertEquals(
        "d.csv:2:3: column 'y': expected a number, found '1f'", error("a,b,y\n1,2,1f\n", "y"));
  }

  @Test
  void aFileSeparatedBySemicolonsOrTabsIsNamedAsSuch() throws Exception {
    assertEquals("d.csv:2:1: column 'a;b;y': expected a number, found '1;2;0' (fields are"
        + " separated by ',' only)", error("a;b;y\n1;2;0\n", "y"));
    assertEquals("d.csv:2:1: column 'a\tb': expected a number, found '1\t2' (fields are separated"
        + " by ',' only)", error("a\tb,y\n1\t2,0\n", "y"));
  }

  @Test
  void multiLineQuotedFieldKeepsLineNumbersRight() throws Exception {
    assertEquals(
        "d.csv:4:1: column 'a': expected a number, found 'x'",
        error("a,b,y\n1,\"2\n\",3\nx,1,1\n", "y"));
  }

  @Test
  void nonFiniteValues() throws Exception {
    assertEquals("d.csv:2:2: column 'b': expected a finite number, found 'NaN'", error("a,b,y\n1,NaN,0\n", "y"));
    assertEquals("d.csv:2:1: column 'a': expected a finite number, found '-Infinity'", error("a,b,y\n-Infinity,1,0\n", "y"));
    assertEquals(
        "d.csv:2:3: column 'y': expected a finite float32 number, found '1e39' (beyond ±3.4e38)",
        error("a,b,y\n1,1,1e39\n", "y"));
  }

  @Test
  void noDataRows() throws Exception {
    assertEquals("d.csv:2: expected at least one data row after the header, found none", error("a,b,y\n", "y"));
    assertEquals("d.csv:1: expected a header row and data rows, found an empty file", error("", "y"));
  }

  @Test
  void missingFile() {
    Path p = dir.resolve("nope.csv");
    assertEquals(
        p + ": file not found",
        assertThrows(DataException.class, () -> CsvDatasets.read(p, "y")).getMessage());
  }

  @Test
  void predictionInputsByHeaderOrPosition() throws Exception {
    float[][] byName =
        CsvDatasets.readInputs(new StringReader("y,b,a\n9,1,0\n9,0,1\n"), "in", List.of("a", "b"), true);
    assertArrayEquals(new float[][] {{0, 1}, {1, 0}}, byName);
    float[][] byPos = CsvDatasets.readInputs(new StringReader("0,1\n1,1\n"), "<stdin>", List.of("a", "b"), false);
    assertArrayEquals(new float[][] {{0, 1}, {1, 1}}, byPos);
    DataException e =
        assertThrows(
            DataException.class,
            () -> CsvDatasets.readInputs(new StringReader("0,1\n1\n"), "<stdin>", List.of("a", "b"), false));
    assertEquals("<stdin>:2:2: ragged row: expected 2 fields, found 1", e.getMessage());
    DataException missing =
        assertThrows(
            DataException.class,
            () -> CsvDatasets.readInputs(new StringReader("a,c\n0,1\n"), "in.csv", List.of("a", "b"), true));
    assertEquals(
        "in.csv:1: feature column 'b' not found; the model needs [a, b], the header has [a, c]",
        missing.getMessage());
  }

  @Test
  void aFirstRowOfNumbersIsDataNotAHeader() throws Exception {
    // printf '0,0\n0,1\n' | tfjava-xor predict: two rows, not a header "0,0" named twice.
    float[][] x = CsvDatasets.readInputs(new StringReader("0,0\n0,1\n"), "<stdin>", List.of("a", "b"), true);
    assertArrayEquals(new float[][] {{0, 0}, {0, 1}}, x);
    DataException wide = assertThrows(DataException.class,
        () -> CsvDatasets.readInputs(new StringReader("0,0,1\n"), "<stdin>", List.of("a", "b"), true));
    assertEquals("<stdin>:1: expected 2 fields per row (the model's inputs), found 3 (a first row of"
        + " numbers is data, not a header)", wide.getMessage());
    assertEquals("d.csv:1: the first row is all numbers, so it is data; expected a header row naming"
        + " the columns, with the target 'y' among them", error("0,1,1\n1,1,0\n", "y"));
  }

  @Test
  void identityNamesTheFileAndDigestsTheValues() throws Exception {
    // python3: sha256(struct.pack('>iii', 4, 2, 1) + the big-endian float32 bits of x, then y)
    assertEquals("xor sha256:8ed17610c68a", LogicGates.XOR.dataset().identity());
    Path p = Files.createDirectories(dir.resolve("sub")).resolve("gate.csv");
    Files.writeString(p, "a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
    Dataset same = CsvDatasets.read(p, "y");
    assertEquals("gate.csv sha256:8ed17610c68a", same.identity());
    assertEquals(true, Dataset.sameData(same.identity(), LogicGates.XOR.dataset().identity()));
    Files.writeString(p, "a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,1\n");
    assertEquals(false, Dataset.sameData(CsvDatasets.read(p, "y").identity(),
        LogicGates.XOR.dataset().identity()));
  }

  @Test
  void aByteThatIsNotUtf8IsReportedWhereItIs() throws Exception {
    // Latin-1 'é' (0xE9) in the third line's second field: it was reported at line 1.
    Path p = dir.resolve("latin1.csv");
    Files.write(p, new byte[] {'a', ',', 'y', '\n', '0', ',', '1', '\n', '1', ',', (byte) 0xE9,
        '\n'});
    assertEquals(p + ":3:3: byte 0xE9 is not UTF-8; expected UTF-8 text (save the file as UTF-8)",
        assertThrows(DataException.class, () -> CsvDatasets.read(p, "y")).getMessage());
  }
}
