package io.github.tfjavaxor.interop;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The child processes this JVM started and has not yet reaped, so that a signal handler can stop
 * them with it: every child dies with its parent. A child also watches its parent itself ({@code
 * python/child.py}), for a parent killed with no chance to clean up.
 */
public final class ChildProcesses {
  private static final Set<Process> LIVE = new LinkedHashSet<>();

  private ChildProcesses() {}

  /** Tracks a child until {@link #forget}. */
  static synchronized void track(Process p) {
    LIVE.add(p);
  }

  /** Stops tracking a child that ended. */
  static synchronized void forget(Process p) {
    LIVE.remove(p);
  }

  /**
   * Stops every child and its descendants: SIGTERM, or SIGKILL when {@code forcibly}. Returns at
   * once; a thread waiting for a child sees it end.
   *
   * @param forcibly SIGKILL instead of SIGTERM
   */
  public static void stopAll(boolean forcibly) {
    List<Process> all;
    synchronized (ChildProcesses.class) {
      all = List.copyOf(LIVE);
    }
    for (Process p : all) {
      p.descendants().forEach(d -> {
        if (forcibly) {
          d.destroyForcibly();
        } else {
          d.destroy();
        }
      });
      if (forcibly) {
        p.destroyForcibly();
      } else {
        p.destroy();
      }
    }
  }
}
