#!/usr/bin/env python3
"""scikit-learn baseline for `make bench-triage`.

Trains TfidfVectorizer(analyzer='char_wb', ngram_range=(1, 5)) + LogisticRegression on exactly the
training rows that TriageBenchmark wrote for each fold (same folds, same leak guard, same sample
weights), predicts each held-out fold, and measures single-thread predict throughput on the same short
messages Switchboard was timed on. Then prints both sets of figures side by side and writes
DIR/summary.json.

Usage: sklearn_baseline.py DIR
"""
import json
import os
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, recall_score

CATEGORIES = ["support", "billing", "churn_risk", "feature_request", "bug_report", "no_action"]


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def make_model():
    return (
        TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 5), sublinear_tf=True, min_df=1),
        LogisticRegression(max_iter=1000, C=10.0),
    )


def macro_f1(truth, predicted):
    labels = sorted(set(truth) | set(predicted))
    return f1_score(truth, predicted, labels=labels, average="macro", zero_division=0)


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else ".build/bench-triage"
    folds = sorted(
        int(name.split("-")[1]) for name in os.listdir(directory) if name.startswith("fold-") and name.endswith("-test.jsonl")
    )
    if not folds:
        sys.exit(f"sklearn_baseline: no fold files in {directory}; run TriageBenchmark cv first")

    truth, predicted, langs = [], [], []
    fit_seconds = 0.0
    for fold in folds:
        train = read_jsonl(os.path.join(directory, f"fold-{fold}-train.jsonl"))
        test = read_jsonl(os.path.join(directory, f"fold-{fold}-test.jsonl"))
        vectorizer, classifier = make_model()
        start = time.perf_counter()
        features = vectorizer.fit_transform([row["text"] for row in train])
        classifier.fit(features, [row["category"] for row in train], sample_weight=[row.get("weight", 1.0) for row in train])
        fit_seconds += time.perf_counter() - start
        predicted += list(classifier.predict(vectorizer.transform([row["text"] for row in test])))
        truth += [row["category"] for row in test]
        langs += [row.get("lang", "und") for row in test]
        print(f"sklearn: fold {fold + 1}/{len(folds)} trained on {len(train)} rows", file=sys.stderr)

    per_language = {}
    for lang in sorted(set(langs)):
        rows = [i for i, value in enumerate(langs) if value == lang]
        per_language[lang] = macro_f1([truth[i] for i in rows], [predicted[i] for i in rows])
    churn_recall = recall_score(truth, predicted, labels=["churn_risk"], average="macro", zero_division=0)

    # Predict throughput on the same short messages, one core (the caller pins the process and BLAS threads).
    messages = [row["text"] for row in read_jsonl(os.path.join(directory, "messages.jsonl"))]
    vectorizer, classifier = make_model()
    last_train = read_jsonl(os.path.join(directory, f"fold-{folds[-1]}-train.jsonl"))
    classifier.fit(vectorizer.fit_transform([row["text"] for row in last_train]), [row["category"] for row in last_train])
    classifier.predict(vectorizer.transform(messages[:200]))
    start = time.perf_counter()
    count = 0
    while time.perf_counter() - start < 5.0:
        classifier.predict(vectorizer.transform(messages))
        count += len(messages)
    sklearn_per_second = count / (time.perf_counter() - start)

    def load(name):
        path = os.path.join(directory, name)
        return json.load(open(path)) if os.path.exists(path) else {}

    swift_cv, swift_speed, swift_classify = load("swift-cv.json"), load("swift-speed.json"), load("swift-classify.json")
    swift_per_second = swift_classify.get("classify_per_second", 0.0)
    summary = {
        "switchboard": {
            "macro_f1": swift_cv.get("macro_f1"),
            "accuracy": swift_cv.get("accuracy"),
            "per_language": swift_cv.get("per_language"),
            "churn_recall": (swift_cv.get("per_class") or {}).get("churn_risk", {}).get("recall"),
            "classify_per_second": swift_per_second,
            "training_seconds": swift_speed.get("training_seconds"),
            "training_rows": swift_speed.get("training_rows"),
            "model_load_seconds": swift_speed.get("model_load_seconds"),
            "cold_load_seconds": swift_classify.get("cold_load_seconds"),
            "model_bytes": swift_speed.get("model_bytes"),
        },
        "sklearn": {
            "macro_f1": macro_f1(truth, predicted),
            "accuracy": sum(t == p for t, p in zip(truth, predicted)) / len(truth),
            "rows": len(truth),
            "folds": len(folds),
            "per_language": per_language,
            "churn_recall": churn_recall,
            "predict_per_second": sklearn_per_second,
            "fit_seconds_per_fold": fit_seconds / len(folds),
        },
        "speedup": swift_per_second / sklearn_per_second if sklearn_per_second else None,
    }
    with open(os.path.join(directory, "summary.json"), "w") as handle:
        json.dump(summary, handle, indent=2, sort_keys=True)

    sb, sk = summary["switchboard"], summary["sklearn"]
    print(f"{'':28}{'switchboard':>14}{'scikit-learn':>14}")
    print(f"{'5-fold macro-F1':28}{sb['macro_f1'] or 0:>14.3f}{sk['macro_f1']:>14.3f}")
    print(f"{'churn_risk recall':28}{sb['churn_recall'] or 0:>14.3f}{sk['churn_recall']:>14.3f}")
    for lang in sorted(set(per_language) | set(sb["per_language"] or {})):
        print(f"{'  macro-F1 ' + lang:28}{(sb['per_language'] or {}).get(lang, 0):>14.3f}{per_language.get(lang, 0):>14.3f}")
    print(f"{'classify msg/s (1 core)':28}{swift_per_second:>14,.0f}{sklearn_per_second:>14,.0f}")
    print(f"{'speed-up':28}{summary['speedup'] or 0:>13.1f}x")
    print(f"{'training s (full data)':28}{sb['training_seconds'] or 0:>14.2f}{sk['fit_seconds_per_fold']:>14.2f}  (sklearn: per fold)")
    print(f"{'model load ms (warm)':28}{(sb['model_load_seconds'] or 0) * 1000:>14.1f}")
    print(f"{'model load ms (new process)':28}{(sb['cold_load_seconds'] or 0) * 1000:>14.1f}")
    print(f"{'model size MB':28}{(sb['model_bytes'] or 0) / 1048576:>14.2f}")
    checks = [
        ("macro-F1 >= 0.85", (sb["macro_f1"] or 0) >= 0.85),
        ("every language >= 0.70", min((sb["per_language"] or {"": 0}).values()) >= 0.70),
        ("churn_risk recall >= 0.90", (sb["churn_recall"] or 0) >= 0.90),
        (">= 100,000 msg/s", swift_per_second >= 100_000),
        (">= 10x scikit-learn", (summary["speedup"] or 0) >= 10),
        ("training < 60 s", (sb["training_seconds"] or 1e9) < 60),
        ("model load < 200 ms", max(sb["model_load_seconds"] or 1e9, sb["cold_load_seconds"] or 0) < 0.2),
    ]
    for name, ok in checks:
        print(f"  [{'ok' if ok else 'MISSED'}] {name}")


if __name__ == "__main__":
    main()
