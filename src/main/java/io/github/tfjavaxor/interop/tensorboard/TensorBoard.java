package io.github.tfjavaxor.interop.tensorboard;

import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.Callback;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.summary.SummaryWriter;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * Writes TensorBoard event files with TF Java's summary ops; mirrors Keras 3's {@code
 * keras.callbacks.TensorBoard(log_dir, histogram_freq=0)} for what this model has: under {@code
 * log_dir/train}, a scalar {@code epoch_<metric>} (e.g. {@code epoch_loss}, {@code
 * epoch_binary_accuracy}) per epoch, the {@code val_} entries under {@code log_dir/validation}
 * without their prefix (as Keras's {@code _log_epoch_metrics} writes them), and, every {@code
 * histogramFreq} epochs, a histogram of each
 * weight tagged {@code <layer>/<kernel|bias>/histogram}. Steps are 0-based epoch indices, as in
 * Keras. (Keras 3.15 tags histograms with {@code weight.name + "/histogram"}, i.e. {@code
 * kernel/histogram} for every layer, so layers collide; the weight path is used here, as the
 * usual Keras workaround does.)
 *
 * <p>As Keras's {@code write_graph=True} (the default), the train event file also holds the model's
 * graph, step 0: the forward pass, loss, metrics, gradients and optimizer as built for {@code fit},
 * with their name scopes ({@code dense/}, {@code gradients/}, {@code adam/}, ...), for TensorBoard's
 * Graphs dashboard. It is taken before the writer ops are added, so they are not in it.
 *
 * <p>The writer ops are added to the model's graph in {@link #setModel}, and the writer is flushed
 * and closed at the end of training.
 */
public final class TensorBoard implements Callback {
  private static final AtomicLong WRITERS = new AtomicLong();

  private final Path logDir;
  private final int histogramFreq;
  private Sequential model;
  private Session session;
  private Placeholder<TInt64> step;
  private Placeholder<TString> tag;
  private Placeholder<TFloat32> value;
  private Op writeScalar;
  private Op writeValScalar;
  private final List<Op> writeHistograms = new ArrayList<>();
  private final List<Op> flushAndClose = new ArrayList<>();
  private final List<Op> creates = new ArrayList<>();
  private boolean valCreated;

  /**
   * @param logDir the log directory; events go to {@code logDir/train}
   * @param histogramFreq write weight histograms every this many epochs; 0 for never (Keras's
   *     default)
   * @throws IllegalArgumentException if histogramFreq is negative
   */
  public TensorBoard(Path logDir, int histogramFreq) {
    if (histogramFreq < 0) {
      throw new IllegalArgumentException("histogram_freq: expected an integer >= 0, found " + histogramFreq);
    }
    this.logDir = logDir;
    this.histogramFreq = histogramFreq;
  }

  @Override
  public void setModel(Sequential m) {
    if (model == m) {
      return;
    }
    model = m;
    session = m.session();
    GraphDef graphDef = m.graph().toGraphDef();
    Ops tf = Ops.create(m.graph()).withSubScope("tensorboard");
    step = tf.placeholder(TInt64.class);
    tag = tf.placeholder(TString.class);
    value = tf.placeholder(TFloat32.class);
    SummaryWriter writer = writer(tf, "train");
    SummaryWriter valWriter = writer(tf, "validation");
    writeScalar = tf.summary.writeScalarSummary(writer, step, tag, value);
    writeValScalar = tf.summary.writeScalarSummary(valWriter, step, tag, value);
    List<org.tensorflow.op.core.Variable<TFloat32>> weights = m.modelGraph().weights();
    for (int i = 0; i < weights.size(); i++) {
      writeHistograms.add(tf.summary.writeHistogramSummary(
          writer, step, tf.constant(m.weightName(i) + "/histogram"), tf.identity(weights.get(i))));
    }
    for (SummaryWriter w : List.of(writer, valWriter)) {
      flushAndClose.add(tf.summary.flushSummaryWriter(w));
      flushAndClose.add(tf.summary.closeSummaryWriter(w));
    }
    session.run(creates.get(0));
    writeGraph(tf, writer, graphDef, session);
  }

  /**
   * Writes a graph to {@code logDir/train} as TensorBoard's Graphs dashboard reads it (an event
   * with {@code graph_def}, step 0), with a writer of its own; for graphs built without a model,
   * such as the tutorial's.
   *
   * @param graphDef the graph, e.g. {@code graph.toGraphDef()}
   * @param logDir the log directory; created if missing
   */
  public static void writeGraph(GraphDef graphDef, Path logDir) {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      SummaryWriter w =
          tf.summary.summaryWriter(SummaryWriter.sharedName("graph_" + WRITERS.incrementAndGet()));
      s.run(create(tf, w, logDir, "train"));
      writeGraph(tf, w, graphDef, s);
      s.run(tf.summary.flushSummaryWriter(w));
      s.run(tf.summary.closeSummaryWriter(w));
    }
  }

  // Keras: tf.summary.graph(train_function graph), an Event whose graph_def is the GraphDef bytes.
  private static void writeGraph(Ops tf, SummaryWriter w, GraphDef graphDef, Session s) {
    Placeholder<TString> bytes = tf.placeholder(TString.class);
    Op write = tf.summary.writeGraphSummary(w, tf.constant(0L), bytes);
    try (TString t = TString.tensorOfBytes(NdArrays.scalarOfObject(graphDef.toByteArray()))) {
      s.runner().feed(bytes, t).addTarget(write).run().close();
    }
  }

  // A writer for logDir/run, created by running its create op (validation's on its first scalar).
  private SummaryWriter writer(Ops tf, String run) {
    SummaryWriter w =
        tf.summary.summaryWriter(SummaryWriter.sharedName("tensorboard_" + WRITERS.incrementAndGet()));
    creates.add(create(tf, w, logDir, run));
    return w;
  }

  private static Op create(Ops tf, SummaryWriter w, Path logDir, String run) {
    return tf.summary.createSummaryFileWriter(w,
        tf.constant(logDir.resolve(run).toAbsolutePath().toString()),
        tf.constant(10), tf.constant(1000), tf.constant(".v2"));
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    try (TInt64 s = TInt64.scalarOf(epoch)) {
      for (Map.Entry<String, Double> e : logs.entrySet()) {
        boolean val = e.getKey().startsWith("val_");
        if (val && !valCreated) {
          session.run(creates.get(1));
          valCreated = true;
        }
        String name = val ? e.getKey().substring(4) : e.getKey();
        try (TString t = TString.scalarOf("epoch_" + name);
            TFloat32 v = TFloat32.scalarOf(e.getValue().floatValue())) {
          session.runner().feed(step, s).feed(tag, t).feed(value, v)
              .addTarget(val ? writeValScalar : writeScalar).run().close();
        }
      }
      if (histogramFreq > 0 && epoch % histogramFreq == 0) {
        Session.Runner r = session.runner().feed(step, s);
        writeHistograms.forEach(r::addTarget);
        r.run().close();
      }
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    int writers = valCreated ? 2 : 1;
    for (int i = 0; i < 2 * writers; i++) {
      session.run(flushAndClose.get(i)); // flush, close; train then validation
    }
  }
}
