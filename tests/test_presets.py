"""Hub dataset presets, tested offline on tiny files in each preset's raw schema (as the hub serves them)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from labutils.cli import main as labutils_main
from labutils.data import DataError, validate_row
from labutils.presets import PRESETS, check_preset, iob2_spans, load_preset, load_source, parse_source
from labutils.tasks import TASKS

# Raw rows, one or two per preset, shaped as the hub's files hold them.
DIALOGSUM = [
    {"id": "train_0", "dialogue": "#Person1#: Where are my keys?\n#Person2#: On the table.",
     "summary": "#Person2# tells #Person1# the keys are on the table.", "topic": "keys"},
    {"id": "train_1", "dialogue": "#Person1#: Dinner at seven?\n#Person2#: Sure.",
     "summary": "They agree to have dinner at seven.", "topic": "dinner"},
]
ROTTEN = [{"text": "a gorgeous , witty , seductive movie .", "label": 1},
          {"text": "the story is too predictable to care about .", "label": 0}]
WIKIANN = [
    {"tokens": ["Ada", "Lovelace", "worked", "in", "London", "for", "Babbage", "Ltd", "."],
     "ner_tags": [1, 2, 0, 0, 5, 0, 3, 4, 0], "langs": ["en"] * 9,
     "spans": ["PER: Ada Lovelace", "LOC: London", "ORG: Babbage Ltd"]},
    {"tokens": ["The", "weather", "was", "fine", "."], "ner_tags": [0, 0, 0, 0, 0], "langs": ["en"] * 5, "spans": []},
]
SQUAD = [
    {"id": "5733be284776f41900661182", "title": "Notre_Dame",
     "context": "The Grotto at Notre Dame is a Marian place of prayer built in 1878.",
     "question": "When was the Grotto built?", "answers": {"text": ["1878", "in 1878"], "answer_start": [62, 59]}},
]


def write_parquet(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


def write_jsonl(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def write_csv(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_every_preset_feeds_a_lab_task_and_names_its_splits():
    assert set(PRESETS) == {"dialogsum", "rotten_tomatoes", "wikiann", "squad"}
    for preset in PRESETS.values():
        assert preset.task in TASKS and preset.test_split in preset.splits
    assert check_preset("knkarthick/dialogsum") is PRESETS["dialogsum"]
    assert PRESETS["wikiann"].config == "en"


def test_dialogsum_csv_as_the_hub_serves_it(tmp_path):
    # knkarthick/dialogsum is a set of CSV files: train.csv, validation.csv, test.csv
    write_csv(tmp_path / "dialogsum" / "test.csv", DIALOGSUM)
    write_csv(tmp_path / "dialogsum" / "train.csv", DIALOGSUM[:1])
    data = load_preset("dialogsum", "test", data_files=tmp_path / "dialogsum")
    assert data.column_names == list(TASKS["summarization"].fields)
    assert data[0] == {**DIALOGSUM[0]} and len(data) == 2
    assert len(load_preset("dialogsum", "train", data_files=tmp_path / "dialogsum")) == 1


def test_rotten_tomatoes_integer_labels_become_words(tmp_path):
    data = load_preset("rotten_tomatoes", "test", data_files=write_parquet(tmp_path / "rt.parquet", ROTTEN))
    assert data["label"] == ["positive", "negative"]
    assert data["id"] == ["rotten_tomatoes-test-1", "rotten_tomatoes-test-2"]  # the hub set has no id column
    # a CSV copy holds the classes as text
    csv_data = load_preset("rotten_tomatoes", "validation", data_files=write_csv(tmp_path / "validation.csv", ROTTEN))
    assert csv_data["label"] == ["positive", "negative"]


def test_rotten_tomatoes_unknown_class_is_refused_by_validation(tmp_path):
    path = write_jsonl(tmp_path / "test.jsonl", [*ROTTEN, {"text": "meh", "label": 2}])
    with pytest.raises(DataError, match=r"test.jsonl line 3: field 'label' must be 'positive' or 'negative', got 2"):
        load_preset("rotten_tomatoes", data_files=path)
    with pytest.warns(UserWarning, match="skipped 1"):
        assert len(load_preset("rotten_tomatoes", data_files=path, on_error="skip")) == 2


def test_wikiann_tags_become_spans_found_verbatim(tmp_path):
    # the hub's layout: one folder per language, parquet shards per split
    write_parquet(tmp_path / "wikiann" / "en" / "test-00000-of-00001.parquet", WIKIANN)
    write_parquet(tmp_path / "wikiann" / "fr" / "test-00000-of-00001.parquet", WIKIANN[1:])
    data = load_preset("wikiann", "test", data_files=tmp_path / "wikiann")
    assert data[0]["text"] == "Ada Lovelace worked in London for Babbage Ltd ."
    assert data[0]["entities"] == [{"type": "PER", "text": "Ada Lovelace"}, {"type": "LOC", "text": "London"},
                                   {"type": "ORG", "text": "Babbage Ltd"}]
    assert data[1]["entities"] == [] and len(data) == 2  # only en/
    for row in data:
        assert all(entity["text"] in row["text"] for entity in row["entities"])
        validate_row("ner", row)


def test_iob2_spans_reads_slips_and_neighbours():
    tokens = ["Paris", "Hilton", "met", "Anna", "Bob", "in", "Rome"]
    assert iob2_spans(tokens, ["B-PER", "I-PER", "O", "B-PER", "B-PER", "O", "I-LOC"]) == [
        {"type": "PER", "text": "Paris Hilton"}, {"type": "PER", "text": "Anna"}, {"type": "PER", "text": "Bob"},
        {"type": "LOC", "text": "Rome"}]  # an I- after O starts an entity
    assert iob2_spans(["New", "York"], [5, 4]) == [{"type": "LOC", "text": "New"}, {"type": "ORG", "text": "York"}]
    with pytest.raises(DataError, match="ner tag 9"):
        iob2_spans(["x"], [9])
    with pytest.raises(DataError, match="'tokens' has 2 items but 'ner_tags' has 1"):
        iob2_spans(["x", "y"], [0])


def test_squad_first_answer_and_its_test_split(tmp_path):
    write_jsonl(tmp_path / "squad" / "validation.jsonl", SQUAD)
    data = load_preset("squad", "test", data_files=tmp_path / "squad")  # SQuAD scores its validation split
    assert data[0] == {"id": SQUAD[0]["id"], "context": SQUAD[0]["context"], "question": SQUAD[0]["question"],
                       "answer": "1878"}
    parquet = load_preset("squad", "validation", data_files=write_parquet(tmp_path / "v.parquet", SQUAD))
    assert parquet["answer"] == ["1878"]
    with pytest.raises(DataError, match="hub:squad has no split 'test_heldout'; its splits: train, validation"):
        load_preset("squad", "test_heldout", data_files=tmp_path / "squad")


def test_squad_row_without_answer_is_named(tmp_path):
    path = write_jsonl(tmp_path / "validation.jsonl", [{**SQUAD[0], "answers": {"text": [], "answer_start": []}}])
    with pytest.raises(DataError, match="validation.jsonl line 1: field 'answers' has no answer text"):
        load_preset("squad", "validation", data_files=path)


@pytest.mark.parametrize("preset, row, names", [
    pytest.param("squad", {**SQUAD[0], "answers": {"text": "1878", "answer_start": [62]}}, "'answers'",
                 id="squad answer text not a list"),
    pytest.param("rotten_tomatoes", {"text": "fine", "label": [1]}, "'label'", id="rotten label a list"),
    pytest.param("wikiann", {**WIKIANN[0], "tokens": 5}, "'tokens'", id="wikiann tokens a number"),
    pytest.param("wikiann", {**WIKIANN[0], "tokens": "Ada"}, "'tokens'", id="wikiann tokens a string"),
    pytest.param("wikiann", {**WIKIANN[0], "ner_tags": 1}, "'ner_tags'", id="wikiann tags a number"),
])
def test_a_local_copy_with_the_wrong_shape_is_named_not_misread(tmp_path, preset, row, names):
    path = write_jsonl(tmp_path / "validation.jsonl", [row])
    with pytest.raises(DataError, match=f"validation.jsonl line 1: .*{names}"):
        load_preset(preset, "validation", data_files=path)


def test_unknown_preset_lists_the_known_ones():
    with pytest.raises(DataError) as error:
        check_preset("imdb")
    for name in PRESETS:
        assert name in str(error.value)
    with pytest.raises(DataError, match="Did you mean 'squad'"):
        load_source("hub:sqaud", "qa")


def test_preset_of_another_task_is_refused(tmp_path):
    with pytest.raises(DataError, match="hub:squad .* is a qa dataset, not sentiment; use --task qa"):
        load_source("hub:squad=" + str(tmp_path), "sentiment")


def test_source_strings():
    assert parse_source("hub:rotten_tomatoes") == ("rotten_tomatoes", None, None)
    assert parse_source("hub:wikiann:validation=dl/wikiann") == ("wikiann", "validation", "dl/wikiann")
    assert load_source(None, "qa", "test", limit=3).num_rows == 3  # None: the bundled split


def test_missing_local_split_says_what_it_looked_for(tmp_path):
    write_csv(tmp_path / "train.csv", DIALOGSUM)
    with pytest.raises(DataError, match="no test file in"):
        load_source(f"hub:dialogsum={tmp_path}", "summarization")


def test_cli_eval_scores_a_preset_from_a_local_copy(tmp_path, capsys):
    write_parquet(tmp_path / "rt" / "test-00000-of-00001.parquet", ROTTEN)
    assert labutils_main(["eval", "--model", "tiny", "--task", "sentiment", "--data", f"hub:rotten_tomatoes={tmp_path / 'rt'}",
                          "--max-new-tokens", "2", "--json"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["n"] == 2 and "accuracy" in output["metrics"]
    write_jsonl(tmp_path / "squad" / "validation.jsonl", SQUAD)
    assert labutils_main(["eval", "--model", "tiny", "--task", "qa", "--data", f"hub:squad:validation={tmp_path / 'squad'}",
                          "--max-new-tokens", "2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["n"] == 1


def test_cli_eval_bad_preset_is_a_clear_error(capsys):
    assert labutils_main(["eval", "--model", "tiny", "--task", "ner", "--data", "hub:wikiner"]) == 2
    error = capsys.readouterr().err
    assert "unknown dataset preset 'wikiner'" in error and all(name in error for name in PRESETS)


def test_cli_eval_summarization_file_without_topic(tmp_path, capsys):
    rows = [{"dialogue": row["dialogue"], "summary": row["summary"]} for row in DIALOGSUM]
    path = write_jsonl(tmp_path / "mine.jsonl", rows)
    assert labutils_main(["eval", "--model", "tiny", "--task", "summarization", "--data", str(path),
                          "--max-new-tokens", "2", "--json"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["n"] == 2 and "rouge1" in output["metrics"]


def test_evaluate_task_takes_a_preset_source(tmp_path):
    from labutils.evaluate import evaluate_task
    from labutils.models import load_model

    model, tokenizer = load_model("tiny", device="cpu")
    write_parquet(tmp_path / "en" / "validation-00000-of-00001.parquet", WIKIANN)
    result = evaluate_task(model, tokenizer, "ner", split="validation", data=f"hub:wikiann={tmp_path}",
                           max_new_tokens=2, progress=False)
    assert result["n"] == 2 and result["predictions"][0]["id"] == "wikiann-validation-1"


def test_offline_hub_is_a_clear_error(tmp_path):
    """Without the hub (HF_HUB_OFFLINE, an empty cache) the message says how to use a local copy."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf")}
    script = "from labutils.presets import load_source; load_source('hub:rotten_tomatoes', 'sentiment')"
    # a fresh process: the hub client reads HF_HUB_OFFLINE when it is imported (labutils.cli's import is slower)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 1 and "DataError: could not load rotten_tomatoes[test]" in done.stderr, done.stderr
    assert "hub:rotten_tomatoes:test=FOLDER_OR_FILE" in done.stderr


def test_training_reads_a_preset_through_the_config(tmp_path):
    from labutils.config import TrainConfig
    from labutils.models import load_tokenizer
    from labutils.train import load_examples

    write_parquet(tmp_path / "rt" / "train-00000-of-00001.parquet", ROTTEN * 3)
    write_parquet(tmp_path / "rt" / "validation-00000-of-00001.parquet", ROTTEN)
    config = TrainConfig.from_dict({"model": "tiny", "tasks": ["sentiment"],
                                    "data_source": {"sentiment": f"hub:rotten_tomatoes={tmp_path / 'rt'}"}})
    tokenizer = load_tokenizer()
    _, report = load_examples(config, "train", tokenizer, None)
    assert report["rows"] == 6  # the preset's train split, not the bundled one
    assert load_examples(config, "validation", tokenizer, None)[1]["rows"] == 2


@pytest.mark.parametrize("source, message", [
    ({"sentiment": "hub:imdb"}, "data_source: unknown dataset preset 'imdb'; known presets: dialogsum"),
    ({"sentiment": "hub:squad"}, "data_source: hub:squad is qa data, not sentiment"),
    ({"qa": "hub:squad"}, r"data_source: expected \{task: source\} for tasks \['sentiment'\]"),
])
def test_config_data_source_is_checked_before_any_work(source, message):
    from labutils.config import ConfigError, TrainConfig

    with pytest.raises(ConfigError, match=message):
        TrainConfig.from_dict({"tasks": ["sentiment"], "data_source": source})


def test_notebook_sources_reach_only_the_tasks_a_config_trains():
    """A notebook's data_source {task: source} is applied with with_sources; other tasks' sources are not the config's."""
    from labutils.config import ConfigError, TrainConfig

    sources = {"sentiment": "hub:rotten_tomatoes", "qa": "hub:squad"}
    config = TrainConfig.from_dict({"tasks": ["sentiment", "ner"]})
    assert config.with_sources(sources).data_source == {"sentiment": "hub:rotten_tomatoes"}
    assert config.with_sources({}) == config  # no sources: the same config, the same run folder
    assert TrainConfig.from_dict({"tasks": ["ner"]}).with_sources(sources).data_source is None
    # changing the tasks keeps only the sources of the tasks still trained
    assert config.with_sources(sources).replace(tasks=["ner"]).data_source is None
    with pytest.raises(ConfigError, match="data_source: unknown task 'sentimnet'"):
        config.with_sources({"sentimnet": "hub:rotten_tomatoes"})


def test_cached_scores_know_their_data_source(tmp_path, monkeypatch):
    """evaluate_cached takes {task: source}: scored from that source, cached apart from the bundled split."""
    from labutils.models import load_model
    from labutils.runs import evaluate_cached

    monkeypatch.setenv("LABUTILS_RUNS", str(tmp_path / "runs"))
    loaded = load_model("tiny", device="cpu")
    write_parquet(tmp_path / "rt" / "test-00000-of-00001.parquet", ROTTEN)
    options = dict(limit=2, max_new_tokens=2, progress=False, loaded=loaded)
    sourced = evaluate_cached("tiny", ["sentiment"], data={"sentiment": f"hub:rotten_tomatoes={tmp_path / 'rt'}"},
                              **options)
    bundled = evaluate_cached("tiny", ["sentiment"], **options)
    assert sourced.attrs["cache_path"] != bundled.attrs["cache_path"]
    ids = [p["id"] for p in sourced.attrs["results"]["sentiment"]["predictions"]]
    assert ids[0].startswith("rotten_tomatoes-test") and not bundled.attrs["results"]["sentiment"]["predictions"][0]["id"].startswith("rotten")
    again = evaluate_cached("tiny", ["sentiment"], data={"sentiment": f"hub:rotten_tomatoes={tmp_path / 'rt'}"},
                            **options)
    assert again.attrs["from_cache"] == ["sentiment"]
    with pytest.raises(Exception, match="evaluate_cached takes sources"):
        evaluate_cached("tiny", ["sentiment"], data={"sentiment": [{"text": "x", "label": "positive"}]}, **options)
