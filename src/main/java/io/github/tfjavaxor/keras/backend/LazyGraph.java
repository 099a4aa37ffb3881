package io.github.tfjavaxor.keras.backend;

import java.util.List;
import java.util.function.Supplier;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * A model's {@link ModelGraph} over its life: built on first use, dropped and rebuilt with the
 * same weights when the model is compiled again (a TF graph cannot lose ops), refused after close.
 */
public final class LazyGraph implements AutoCloseable {
  private final Supplier<ModelGraph> factory;
  private ModelGraph graph;
  private List<FloatNdArray> keptWeights;
  private boolean closed;

  /** @param factory builds a fresh graph of the model's current layers and session options */
  public LazyGraph(Supplier<ModelGraph> factory) {
    this.factory = factory;
  }

  /**
   * The graph, built now if needed (then given the kept weights, if any).
   *
   * @return the model's graph
   * @throws IllegalStateException after {@link #close()}
   */
  public ModelGraph get() {
    if (closed) {
      throw new IllegalStateException("Sequential: model is closed");
    }
    if (graph == null) {
      graph = factory.get();
      if (keptWeights != null) {
        graph.writeWeights(keptWeights);
        keptWeights = null;
      }
    }
    return graph;
  }

  /** {@return the built graph, or null if none is built now} */
  public ModelGraph current() {
    return graph;
  }

  /**
   * {@return true if a graph exists or is pending a rebuild: the layer stack is fixed from then on}
   */
  public boolean fixed() {
    return graph != null || keptWeights != null;
  }

  /** Reads the weights, releases the graph, and writes them into the next one {@link #get} builds. */
  public void rebuildKeepingWeights() {
    keptWeights = graph.readWeights();
    graph.close();
    graph = null;
  }

  /** Releases the Session and Graph; safe to call twice. */
  @Override
  public void close() {
    if (graph != null) {
      graph.close();
      graph = null;
    }
    closed = true;
  }
}
