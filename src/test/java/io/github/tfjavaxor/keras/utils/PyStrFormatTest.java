package io.github.tfjavaxor.keras.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PyStrFormat against Python's own str.format, run here, on float32 logs as Keras holds them. */
class PyStrFormatTest {
  static final List<String> TEMPLATES = List.of("model.{epoch:02d}-{val_loss:.2f}.keras",
      "ck-{epoch}.keras", "{epoch:03d}_{loss}", "{val_loss}", "{loss:.3e}", "{loss:.4}",
      "{big:.3}", "{big}", "{binary_accuracy:%}", "{loss:10.4f}|", "{neg:010.4f}", "{{x}}-{epoch}",
      "{epoch:5}", "{epoch:.2f}", "{tiny}", "{ten:.2}", "{binary_accuracy:.1%}");

  static Map<String, Object> values() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("epoch", 7);
    v.put("loss", (double) 0.24702489f);
    v.put("val_loss", (double) 1.2345e-5f);
    v.put("binary_accuracy", 0.75);
    v.put("big", (double) 12345.678f);
    v.put("neg", (double) -3.14159f);
    v.put("tiny", (double) 1e-4f);
    v.put("ten", 10.0);
    return v;
  }

  static Map<String, Object> epochAndLoss() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("epoch", 1);
    v.put("loss", 0.5);
    return v;
  }

  @Test
  void formatsAsPythonDoes() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String script = "import json,sys\n"
        + "a = json.load(sys.stdin)\n"
        + "v = {k: (x if isinstance(x, int) else float(x)) for k, x in a['values'].items()}\n"
        + "print(json.dumps([t.format(**v) for t in a['templates']]))\n";
    Process p = new ProcessBuilder("python3", "-c", script).start();
    p.getOutputStream().write(json.writeValueAsBytes(Map.of("templates", TEMPLATES,
        "values", values())));
    p.getOutputStream().close();
    JsonNode python = json.readTree(new String(p.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8));
    assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes()));
    for (int i = 0; i < TEMPLATES.size(); i++) {
      assertEquals(python.get(i).asText(), PyStrFormat.format(TEMPLATES.get(i), values()),
          TEMPLATES.get(i));
    }
  }

  @Test
  void namesFieldsAndRefusesWhatPythonRefuses() {
    assertEquals(List.of("epoch", "val_loss"),
        PyStrFormat.fields("model.{epoch:02d}-{val_loss:.2f}.keras"));
    assertEquals("'{acc}' in 'm-{acc}.keras': no value named acc; expected one of [epoch, loss]",
        assertThrows(IllegalArgumentException.class, () -> PyStrFormat.format("m-{acc}.keras",
            epochAndLoss())).getMessage());
    assertEquals("'m-{epoch': a single '{' or '}' (write {{ or }} for a brace)",
        assertThrows(IllegalArgumentException.class, () -> PyStrFormat.fields("m-{epoch"))
            .getMessage());
    assertEquals("'{loss:>8}' in '{loss:>8}': expected {name} or {name:spec} such as {epoch:02d},"
        + " {loss:.4f} or {loss:.2e}", assertThrows(IllegalArgumentException.class,
            () -> PyStrFormat.fields("{loss:>8}")).getMessage());
    // Python: ValueError: Unknown format code 'd' for object of type 'float'
    assertThrows(IllegalArgumentException.class,
        () -> PyStrFormat.format("{loss:d}", Map.of("loss", 0.5)));
  }
}
