package io.github.tfjavaxor.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossCurvesTest {
  @TempDir Path tmp;

  @Test
  void writesAn800x500PngAndNothingElse() throws IOException {
    Map<String, float[]> curves = new LinkedHashMap<>();
    curves.put("Keras", new float[] {0.25f, 0.2f, 0.1f});
    curves.put("Java", new float[] {0.25f, 0.2f, 0.1f});
    Path png = tmp.resolve("loss.png");
    LossCurves.write(png, "t", curves);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(800, img.getWidth());
    assertEquals(500, img.getHeight());
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of("loss.png"), s.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void rejectsCurvesOfDifferentLengths() {
    Map<String, float[]> curves = new LinkedHashMap<>();
    curves.put("Keras", new float[] {0.25f, 0.2f});
    curves.put("Java", new float[] {0.25f});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LossCurves.write(tmp.resolve("x.png"), "t", curves));
    assertEquals("curve 'Java': expected 2 epochs (>= 1), found 1", e.getMessage());
  }
}
