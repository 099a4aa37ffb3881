"""Keras 3 model.fit(verbose=0) on the TensorFlow backend: the tutorial as written in Python."""
import time

import common

a = common.options()
tf, keras, model, x, y = common.keras_model(a)
model.compile(loss="mean_squared_error", optimizer="adam", metrics=["binary_accuracy"])


class Timer(keras.callbacks.Callback):
    def __init__(self):
        super().__init__()
        self.times = []

    def on_epoch_begin(self, epoch, logs=None):
        self.t0 = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.times.append(time.perf_counter() - self.t0)


timer = Timer()
h = model.fit(x, y, epochs=a.epochs, batch_size=a.batch, verbose=0, callbacks=[timer])
loss, acc = model.evaluate(x, y, batch_size=a.batch, verbose=0)
model.predict(x, batch_size=a.batch, verbose=0)
common.emit("keras", timer.times, h.history["loss"], loss, acc)
