package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.interop.ChildProcesses;
import io.github.tfjavaxor.interop.files.TempFiles;
import io.github.tfjavaxor.keras.utils.Interrupts;
import io.github.tfjavaxor.keras.utils.KeyboardInterrupt;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGINT and SIGTERM in the launched CLI (docs/development/interrupts.md). The first asks the
 * command to stop ({@link Interrupts#raise}): training stops after the running {@code session.run}
 * and the command exits 130 or 143 with one line; the file being written, if any, is finished
 * and renamed first. Child processes get SIGTERM at once, SIGKILL two seconds later. A second
 * signal, or a command that has not stopped five seconds later (one waiting for stdin), exits at
 * once, deleting the temporary files being written ({@link TempFiles}).
 *
 * <p>The JVM's own handlers would run the shutdown hooks and exit while the main thread still
 * writes, leaving half-written temporary files; these handlers replace them ({@code
 * sun.misc.Signal}, the only way Java 17 has to take a signal without exiting).
 */
final class Signals {
  /** How long children get to end on SIGTERM before SIGKILL. */
  static final int CHILD_GRACE_SECONDS = 2;
  /** How long the command gets to reach a check and exit by itself. */
  static final int GRACE_SECONDS = 5;
  /** A forced exit sweeps the temporary files, then again after this long. */
  static final int SWEEP_AGAIN_MILLIS = 100;
  private static final AtomicInteger SEEN = new AtomicInteger();

  private Signals() {}

  /** Installs the handlers; where the JVM refuses (e.g. under {@code -Xrs}), keeps its own. */
  static void install(PrintStream err) {
    for (KeyboardInterrupt.Signal s :
        new KeyboardInterrupt.Signal[] {KeyboardInterrupt.Signal.SIGINT, KeyboardInterrupt.Signal.SIGTERM}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(s.name().substring(3)), x -> handle(s, err));
      } catch (IllegalArgumentException e) {
        // The JVM keeps this signal (its handler exits at once): nothing better to do.
      }
    }
  }

  private static void handle(KeyboardInterrupt.Signal s, PrintStream err) {
    if (SEEN.getAndIncrement() > 0) {
      exitNow(s, err, s + " again: exited at once");
    }
    Interrupts.raise(s);
    ChildProcesses.stopAll(false);
    sleep(CHILD_GRACE_SECONDS);
    ChildProcesses.stopAll(true);
    // Still here: the command is not at a check (e.g. blocked reading stdin). Stop it now.
    sleep(GRACE_SECONDS - CHILD_GRACE_SECONDS);
    exitNow(s, err, "interrupted by " + s + "; exited at once, as the command had not stopped "
        + GRACE_SECONDS + " s later");
  }

  private static void exitNow(KeyboardInterrupt.Signal s, PrintStream err, String message) {
    TempFiles.deleteAll();
    ChildProcesses.stopAll(true);
    // Holding stderr's lock until the halt: the main thread, still running, prints nothing more.
    synchronized (err) {
      err.println("tfjava-xor: " + message);
      err.flush();
      try {
        Thread.sleep(SWEEP_AGAIN_MILLIS); // a writer past its name may still create the file by path
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      TempFiles.deleteAll();
      die(s);
    }
  }

  // Ends the process by the signal itself, as if no handler had been installed: the shell sees
  // 128 + signal (130, 143). Runtime.halt calls exit(), whose C++ static destructors tear
  // TensorFlow down under a thread still in session.run (SIGSEGV in libtensorflow_cc).
  // Signal.raise refuses a signal without a Java handler, so kill(1) sends it.
  private static void die(KeyboardInterrupt.Signal s) {
    String name = s.name().substring(3);
    try {
      sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_DFL);
      new ProcessBuilder("kill", "-s", name, Long.toString(ProcessHandle.current().pid()))
          .redirectErrorStream(true).start().waitFor();
      Thread.sleep(1000); // delivered asynchronously
    } catch (IllegalArgumentException | IOException e) {
      // No default handler or no kill(1): exit as well as the JVM can.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().halt(s.exitCode());
  }

  private static void sleep(int seconds) {
    try {
      TimeUnit.SECONDS.sleep(seconds);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
