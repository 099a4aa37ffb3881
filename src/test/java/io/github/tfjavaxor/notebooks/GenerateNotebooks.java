package io.github.tfjavaxor.notebooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Regenerates {@code xor-java.ipynb}, {@code xor-python.ipynb} and {@code xor.jsh} from {@code
 * xor.cells}. Run through {@code notebooks-equivalent/generate.sh}. Each file is written to a temp
 * file in the same folder and moved into place, so a failure leaves no half-written notebook.
 */
public final class GenerateNotebooks {
  /** The folder with {@code xor.cells}, relative to the project root. */
  public static final Path FOLDER = Path.of("notebooks-equivalent");

  public static final String CELLS = "xor.cells";

  private GenerateNotebooks() {}

  /**
   * @param args optional folder holding xor.cells (default notebooks-equivalent)
   */
  public static void main(String[] args) {
    Path folder = args.length > 0 ? Path.of(args[0]) : FOLDER;
    try {
      List<CellsFile.Step> steps = CellsFile.read(folder.resolve(CELLS));
      for (Map.Entry<String, String> e : NotebookFiles.render(steps).entrySet()) {
        Path target = folder.resolve(e.getKey());
        Path tmp = Files.createTempFile(folder, e.getKey(), ".tmp");
        Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("wrote " + target);
      }
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("GenerateNotebooks: " + e.getMessage());
      System.exit(1);
    }
  }
}
