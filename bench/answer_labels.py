"""Fit and measure the direct / partial / deflected answer label against QEvasion.

    python bench/answer_labels.py          # measure the shipped podium/answer_model.json
    python bench/answer_labels.py --fit    # refit it on the training side and measure

Data: ../shared/eval/qevasion/train.parquet (3,448 pairs from US presidential news conferences and
interviews, Thomas et al., EMNLP 2024). Labels map direct = Clear Reply, partial = Ambivalent,
deflected = Clear Non-Reply. The unit is one sub-question (``question``) with the full answer.

Split: scikit-learn's StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0) over the
labels, grouped by interview (``url``): fold 0 is the validation side (about a fifth of the pairs,
label shares kept), and no interview has pairs on both sides. The model and every choice about
it are made on the training side only (C and the class-weight power by 5-fold grouped cross-validation);
the validation side is scored once.

Needs scikit-learn (requirements-dev.txt); the dashboard itself only reads the JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from podium.answers import LABELS, MODEL_PATH, SIGNALS, label_answer, signals  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "qevasion" / "train.parquet"
TO_LABEL = {"Clear Reply": "direct", "Ambivalent": "partial", "Clear Non-Reply": "deflected"}
PUBLISHED = [
    ("always 'Ambivalent' (partial)", 0.27),
    ("GPT-3.5 zero-shot", 0.41),
    ("TF-IDF + logistic regression", 0.44),
    ("fine-tuned Llama-2-70B (EMNLP 2024)", 0.68),
    ("best SemEval-2026 system", 0.89),
]


def load() -> pd.DataFrame:
    frame = pd.read_parquet(DATA)
    frame = frame.assign(label=frame["clarity_label"].map(TO_LABEL))
    return frame.reset_index(drop=True)


def split(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.model_selection import StratifiedGroupKFold

    folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0)
    train, valid = next(folds.split(frame, frame["label"], groups=frame["url"]))
    return train, valid


def features(frame: pd.DataFrame) -> np.ndarray:
    rows = [signals(q, a) for q, a in zip(frame["question"], frame["interview_answer"], strict=True)]
    return np.array([[r[s] for s in SIGNALS] for r in rows])


def fit(frame: pd.DataFrame, train: np.ndarray) -> dict:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict
    from sklearn.preprocessing import StandardScaler

    part = frame.iloc[train]
    x = features(part)
    y = part["label"].to_numpy()
    scaler = StandardScaler().fit(x)
    z = scaler.transform(x)
    inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=1)
    counts = pd.Series(y).value_counts()
    best = None
    # class weights (n / (3 n_class)) ** power: 1 is scikit-learn's "balanced", 0 no weighting
    for power in (0.0, 0.5, 0.75, 1.0):
        weights = {k: (len(y) / (3 * v)) ** power for k, v in counts.items()}
        for c in (0.01, 0.03, 0.1, 0.3, 1.0):
            model = LogisticRegression(C=c, class_weight=weights, max_iter=2000)
            pred = cross_val_predict(model, z, y, cv=inner, groups=part["url"])
            score = f1_score(y, pred, average="macro")
            print(
                f"  class-weight power {power:<4g} C={c:<5g} cross-validated macro-F1 on the training side {score:.3f}"
            )
            if best is None or score > best[0]:
                best = (score, c, power, weights)
    model = LogisticRegression(C=best[1], class_weight=best[3], max_iter=2000).fit(z, y)
    order = [list(model.classes_).index(lab) for lab in LABELS]
    return {
        "about": "Multinomial logistic regression over podium.answers.signals, fitted by bench/answer_labels.py "
        "on the training side of QEvasion (train.parquet, StratifiedGroupKFold fold 0 held out).",
        "labels": list(LABELS),
        "signals": list(SIGNALS),
        "mean": scaler.mean_.round(6).tolist(),
        "scale": scaler.scale_.round(6).tolist(),
        "coef": model.coef_[order].round(6).tolist(),
        "intercept": model.intercept_[order].round(6).tolist(),
        "C": best[1],
        "class_weight_power": best[2],
        "n_train": len(part),
        "cv_macro_f1": round(best[0], 4),
    }


def main(argv: list[str] | None = None) -> int:
    from sklearn.metrics import classification_report, f1_score

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="refit podium/answer_model.json first")
    args = parser.parse_args(argv)
    frame = load()
    train, valid = split(frame)
    assert not set(frame.iloc[train]["url"]) & set(frame.iloc[valid]["url"])
    if args.fit:
        model = fit(frame, train)
        MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH.relative_to(ROOT)} (C={model['C']})")
        from podium.answers import load_model

        load_model.cache_clear()
    part = frame.iloc[valid]
    start = time.perf_counter()
    pred = [label_answer(q, a)["label"] for q, a in zip(part["question"], part["interview_answer"], strict=True)]
    per_pair_ms = (time.perf_counter() - start) / len(part) * 1000
    truth = part["label"].tolist()
    score = f1_score(truth, pred, average="macro", labels=list(LABELS))
    shares = part["label"].value_counts().reindex(LABELS)
    print(
        f"validation: {len(part)} pairs from {part['url'].nunique()} interviews "
        f"(training side {len(train)} pairs, {frame.iloc[train]['url'].nunique()} interviews); "
        + ", ".join(f"{lab} {n}" for lab, n in shares.items())
    )
    print(f"Podium label macro-F1 on the validation side: {score:.3f}   ({per_pair_ms:.2f} ms a pair)")
    always = f1_score(truth, ["partial"] * len(truth), average="macro", labels=list(LABELS))
    print(f"always 'partial' on the same side: {always:.3f}")
    print("published (official 308-pair test split):")
    for name, value in PUBLISHED:
        print(f"  {name}: {value:.2f}")
    print(classification_report(truth, pred, labels=list(LABELS), digits=3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
