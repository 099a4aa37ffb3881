package io.github.tfjavaxor.cli;

/** The command's exit codes, as documented in {@code --help} and the README. */
public final class ExitCodes {
  /** Success; a network that did not learn is still a success. */
  public static final int OK = 0;
  /** Anything else: a failure during training, an unexpected error. */
  public static final int FAILURE = 1;
  /** A usage error, found before the native library loads (picocli's default code). */
  public static final int USAGE = 2;
  /** A data or file error, reported with file:line:column; also {@code --device gpu} without a GPU. */
  public static final int DATA = 3;

  /** The help footer listing the codes. */
  public static final String HELP =
      "%nExit codes:%n"
          + "  0  success (a network that did not learn is still success)%n"
          + "  1  any other failure%n"
          + "  2  usage error (bad flag or value), found before TensorFlow loads%n"
          + "  3  data or file error, reported as file:line:column or as the dataset path%n"
          + "     inside a model file; also --device gpu without a usable GPU, and%n"
          + "     side-by-side missing its parity target%n"
          + "  130, 143  SIGINT (Ctrl-C), SIGTERM: stopped after the running step, with one%n"
          + "     line naming the last epoch and checkpoint; temporary files removed%n"
          + "  141  stdout closed (e.g. | head): stopped after the running step, silently%n";

  private ExitCodes() {}
}
