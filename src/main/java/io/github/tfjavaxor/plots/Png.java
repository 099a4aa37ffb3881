package io.github.tfjavaxor.plots;

import io.github.tfjavaxor.interop.files.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Renders XChart charts to one PNG, stacked vertically, written atomically. */
final class Png {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Png() {}

  static void write(Path target, List<? extends Chart<?, ?>> charts) throws IOException {
    int width = 0;
    int height = 0;
    BufferedImage[] images = new BufferedImage[charts.size()];
    for (int i = 0; i < images.length; i++) {
      images[i] = BitmapEncoder.getBufferedImage(charts.get(i));
      width = Math.max(width, images[i].getWidth());
      height += images[i].getHeight();
    }
    BufferedImage all = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = all.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    int y = 0;
    for (BufferedImage im : images) {
      g.drawImage(im, 0, y, null);
      y += im.getHeight();
    }
    g.dispose();
    AtomicFiles.write(target, out -> {
      if (!ImageIO.write(all, "png", out)) {
        throw new IOException("no PNG writer available");
      }
    });
  }
}
