package io.github.tfjavaxor.device;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_CloseSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteDeviceList;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteGraph;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListCount;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListMemoryBytes;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListName;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetCode;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_Message;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewGraph;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionListDevices;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetConfig;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.ConfigProto;

/**
 * The devices a session with a given config sees. TF Java 1.1 has no public API for this, so it
 * goes through the raw C API ({@code TF_SessionListDevices} on a throw-away session over an empty
 * graph), as Python's {@code tf.config.list_logical_devices()} does underneath.
 */
public final class Devices {
  private Devices() {}

  /**
   * Loads the natives if needed and lists the devices.
   *
   * @param config the session options (device_count, GPU options) the listing session gets
   * @return the devices in TensorFlow's order: CPU:0 first, then GPU:0, GPU:1, ...
   * @throws IllegalStateException with TensorFlow's message if the session cannot be created
   */
  public static List<DeviceInfo> list(ConfigProto config) {
    TensorFlow.version(); // loads the natives and registers the kernels
    byte[] proto = config.toByteArray();
    TF_Status status = TF_NewStatus();
    TF_Graph graph = TF_NewGraph();
    TF_SessionOptions options = TF_NewSessionOptions();
    TF_Session session = null;
    TF_DeviceList list = null;
    try (BytePointer bytes = new BytePointer(proto)) {
      TF_SetConfig(options, bytes, proto.length, status);
      check(status, "TF_SetConfig");
      session = TF_NewSession(graph, options, status);
      check(status, "TF_NewSession");
      list = TF_SessionListDevices(session, status);
      check(status, "TF_SessionListDevices");
      int n = TF_DeviceListCount(list);
      List<DeviceInfo> devices = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String name = TF_DeviceListName(list, i, status).getString();
        String type = TF_DeviceListType(list, i, status).getString();
        long mem = TF_DeviceListMemoryBytes(list, i, status);
        check(status, "TF_DeviceList");
        devices.add(new DeviceInfo(name, type, mem));
      }
      return List.copyOf(devices);
    } finally {
      if (list != null) {
        TF_DeleteDeviceList(list);
      }
      if (session != null) {
        TF_CloseSession(session, status);
        TF_DeleteSession(session, status);
      }
      TF_DeleteSessionOptions(options);
      TF_DeleteGraph(graph);
      TF_DeleteStatus(status);
    }
  }

  private static void check(TF_Status status, String call) {
    int code = TF_GetCode(status);
    if (code != 0) {
      String msg = TF_Message(status).getString();
      throw new IllegalStateException(call + " failed (code " + code + "): " + msg);
    }
  }
}
