package io.github.tfjavaxor.tutorial;

import io.github.tfjavaxor.device.DeviceChoice;
import io.github.tfjavaxor.device.DeviceResolver;
import io.github.tfjavaxor.device.NativeBuild;
import io.github.tfjavaxor.keras.SessionConfigs;
import io.github.tfjavaxor.keras.Xor;

/**
 * Child-JVM main for {@link GpuBuildTest}: trains the tutorial under {@code --device auto} and prints
 * the loaded native library, then every logged float as its IEEE bits, one line.
 */
public final class RunDigest {
  private RunDigest() {}

  public static void main(String[] args) {
    System.out.println(digest(Integer.parseInt(args[0])));
    System.out.println(NativeBuild.loadedLibrary().orElse("?"));
  }

  static String digest(int epochs) {
    XorTutorial.Run run = XorTutorial.run(42, epochs, 0, Xor.NULL_OUT,
        DeviceResolver.resolve(DeviceChoice.AUTO, false, SessionConfigs.DEFAULT).config());
    StringBuilder sb = new StringBuilder();
    for (float[] part : new float[][] {run.epochLoss(), run.epochAccuracy(), run.scores()}) {
      for (float f : part) {
        sb.append(Integer.toHexString(Float.floatToRawIntBits(f))).append(' ');
      }
    }
    for (float[] row : run.predictions()) {
      sb.append(Integer.toHexString(Float.floatToRawIntBits(row[0]))).append(' ');
    }
    return sb.toString().trim();
  }
}
