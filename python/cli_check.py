"""What live Keras says about a .keras file, for the CLI tests (CliKerasFilesTest):

    python/run.sh cli_check.py summary PATH      model.summary() of keras.models.load_model(PATH)
    python/run.sh cli_check.py evaluate PATH     the last line: JSON {"loss": ..., metric: ...} on XOR
    python/run.sh cli_check.py predict PATH      the last line: JSON predictions for the 4 XOR rows
    python/run.sh cli_check.py load PATH         the last line: JSON {"warnings": [...]} of loading

Keras's own warnings are collected, so a test can assert that loading raises none.
"""
import json
import os
import sys
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def main(argv):
    mode, path = argv
    import keras
    import numpy as np

    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], "float32")
    y = np.array([[0], [1], [1], [0]], "float32")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = keras.models.load_model(path)
    if mode == "summary":
        model.summary()
    elif mode == "evaluate":
        print(json.dumps(model.evaluate(x, y, verbose=0, return_dict=True)))
    elif mode == "predict":
        print(json.dumps(model.predict(x, verbose=0).tolist()))
    elif mode == "load":
        print(json.dumps({"warnings": [str(w.message) for w in caught]}))
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main(sys.argv[1:])
