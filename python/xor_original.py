# REFERENCE ONLY: the Keras XOR tutorial exactly as published (Keras 2 era), kept unchanged so the
# Java port (src/main/java/io/github/tfjavaxor/tutorial/XorTutorial.java) can be read against it.
#
# It does NOT run on Keras 3 (python/requirements.txt pins keras 3.15.1):
#   from keras.layers.core import Dense
#   -> ModuleNotFoundError: No module named 'keras.layers.core'
# Keras 3's public keras.layers package has no `core` submodule (Dense lives in the private
# keras.src.layers.core.dense). Even with the import fixed, Keras 3 warns about `input_dim`
# and prints "compile_metrics: 100.00%" instead of "binary_accuracy: 100.00%", because
# model.metrics_names is ['loss', 'compile_metrics'] in Keras 3.
# The runnable Keras 3 equivalent is python/xor_keras3.py.

import numpy as np
from keras.models import Sequential
from keras.layers.core import Dense

training_data = np.array([[0,0],[0,1],[1,0],[1,1]], "float32")

target_data = np.array([[0],[1],[1],[0]], "float32")

model = Sequential()
model.add(Dense(16, input_dim=2, activation='relu'))
model.add(Dense(1, activation='sigmoid'))

model.compile(loss='mean_squared_error',
              optimizer='adam',
              metrics=['binary_accuracy'])

model.fit(training_data, target_data, epochs=1000)

scores = model.evaluate(training_data, target_data)
print("\n%s: %.2f%%" % (model.metrics_names[1], scores[1]*100))
print (model.predict(training_data).round())
