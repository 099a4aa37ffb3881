package io.github.tfjavaxor.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.keras.SessionConfigs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The C API device listing on the real natives (CI has no GPU). */
class DevicesTest {

  @Test
  void listsCpu0First() {
    List<DeviceInfo> devices = Devices.list(SessionConfigs.DEFAULT);
    DeviceInfo cpu = devices.get(0);
    assertEquals("/job:localhost/replica:0/task:0/device:CPU:0", cpu.name());
    assertEquals("CPU", cpu.type());
    assertEquals(268435456L, cpu.memoryBytes());
    assertEquals("/device:CPU:0", cpu.shortName());
  }

  @Test
  void cpuConfigHidesEveryGpu() {
    List<DeviceInfo> devices =
        Devices.list(DeviceResolver.config(SessionConfigs.DEFAULT, false, true));
    assertEquals(1, devices.size(), devices.toString());
    assertEquals("CPU", devices.get(0).type());
  }

  @Test
  void theLoadedLibraryIsTheBuildOnTheClassPath() {
    Devices.list(SessionConfigs.DEFAULT);
    String path = NativeBuild.loadedLibrary().orElseThrow();
    assertTrue(path.endsWith("/libtensorflow_cc.so.2"), path);
    assertEquals(NativeBuild.onClassPath(), NativeBuild.ofLibraryPath(path), path);
    String expected = System.getProperty("tfjavaxor.natives", "cpu");
    assertEquals(expected.equals("gpu") ? NativeBuild.GPU : NativeBuild.CPU,
        NativeBuild.ofLibraryPath(path), "natives of this build (pom property tfjavaxor.natives)");
  }
}
