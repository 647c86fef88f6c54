"""Tests for labutils.data: bundled splits, local files, hub datasets and row validation."""

import json
from pathlib import Path

import datasets
import pytest

from labutils import data
from labutils.tasks import SPLITS, TASK_NAMES as TASKS, check_task
from labutils.data import (
    DataError,
    SkippedRowsWarning,
    load_file,
    load_hub,
    load_task,
    validate_row,
)

FIXTURES = Path(__file__).parent / "fixtures"

GOOD = {
    "summarization": {
        "id": "s1",
        "dialogue": "#Person1#: Hi.\n#Person2#: Hello.",
        "summary": "They greet.",
        "topic": "greeting",
    },
    "sentiment": {"id": "p1", "text": "Great film.", "label": "positive"},
    "ner": {"id": "n1", "text": "Ada lives in London.", "entities": [{"type": "PER", "text": "Ada"}]},
    "qa": {"id": "q1", "context": "Paris is in France.", "question": "Where is Paris?", "answer": "France"},
}


def write_jsonl(path: Path, rows) -> Path:
    """Write rows (dicts, or raw strings written as they are) one per line."""
    lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sentiment_rows(n=3):
    return [{"id": f"p{i}", "text": f"Review number {i}.", "label": "positive"} for i in range(1, n + 1)]


# --------------------------------------------------------------------------------------
# The bundled data
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("task", TASKS)
@pytest.mark.parametrize("split", SPLITS)
def test_bundled_split_loads_and_validates(task, split, monkeypatch):
    monkeypatch.delenv("LABUTILS_DATA", raising=False)
    path = Path(data.__file__).resolve().parents[1] / "data" / task / f"{split}.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is not generated yet")
    dataset = load_task(task, split)
    assert dataset.column_names == list(check_task(task).fields)
    assert len(dataset) > 0
    assert len(set(dataset["id"])) == len(dataset), "ids must be unique within a split"


def test_load_task_uses_labutils_data_and_limit(monkeypatch):
    monkeypatch.setenv("LABUTILS_DATA", str(FIXTURES / "data"))
    full = load_task("sentiment", "train")
    assert full["id"] == ["p1", "p2", "p3", "p4"]
    assert load_task("sentiment", "train", limit=2)["id"] == ["p1", "p2"]
    ner = load_task("ner", "train")
    assert ner[1]["entities"] == []  # an empty entity list stays a list
    assert ner[0]["entities"][1] == {"type": "LOC", "text": "London"}


def test_load_task_rejects_unknown_task_and_split_listing_the_valid_ones():
    with pytest.raises(DataError, match="valid tasks: summarization, sentiment, ner, qa"):
        load_task("translation", "train")
    with pytest.raises(DataError, match="valid splits: train, validation, test"):
        load_task("qa", "dev")


def test_load_task_missing_file_says_where_it_looked(monkeypatch, tmp_path):
    monkeypatch.setenv("LABUTILS_DATA", str(tmp_path))
    with pytest.raises(DataError, match=r"not found: .*qa/test\.jsonl.*LABUTILS_DATA"):
        load_task("qa", "test")


# --------------------------------------------------------------------------------------
# validate_row: one case per rule
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("task", TASKS)
def test_good_rows_pass_and_extra_fields_are_dropped(task):
    row = dict(GOOD[task], source="web", score=0.5)
    assert validate_row(task, row) == GOOD[task]


def test_integer_id_becomes_a_string():
    assert validate_row("sentiment", dict(GOOD["sentiment"], id=7))["id"] == "7"


@pytest.mark.parametrize(
    "task, change, message",
    [
        ("sentiment", {"label": None}, "missing field 'label'"),
        ("sentiment", {"text": 42}, "field 'text' must be a string, got int 42"),
        ("sentiment", {"text": "   "}, "field 'text' is empty"),
        ("sentiment", {"label": "pos"}, "field 'label' must be 'positive' or 'negative', got 'pos'"),
        ("sentiment", {"label": 1}, "label_map="),
        ("ner", {"entities": [{"type": "PERSON", "text": "Ada"}]}, "'entities[0].type' must be PER, ORG or LOC"),
        ("ner", {"entities": [{"type": "PER", "text": "Bob"}]}, "'entities[0].text' 'Bob' does not occur verbatim"),
        ("ner", {"entities": [{"type": "PER", "text": 5}]}, "'entities[0].text' must be a string, got int"),
        ("ner", {"entities": "Ada"}, "field 'entities' must be a list"),
        ("qa", {"answer": "Germany"}, "field 'answer' 'Germany' is not a span of field 'context'"),
        ("qa", {"answer": "france"}, "is not a span"),  # verbatim means same case
        ("summarization", {"dialogue": "Hi. Hello."}, "field 'dialogue' has no turn tags"),
        ("summarization", {"topic": ""}, "field 'topic' is empty"),
    ],
)
def test_validate_row_names_the_field(task, change, message):
    row = dict(GOOD[task])
    for key, value in change.items():
        if value is None:
            del row[key]
        else:
            row[key] = value
    with pytest.raises(DataError) as info:
        validate_row(task, row)
    assert message in str(info.value)


# --------------------------------------------------------------------------------------
# Files: the error names file, line and field
# --------------------------------------------------------------------------------------


def test_bad_label_names_file_line_and_field(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rows = sentiment_rows(6) + [{"id": "p7", "text": "Meh.", "label": "pos"}]
    write_jsonl(tmp_path / "x.jsonl", rows)
    with pytest.raises(DataError) as info:
        load_file("x.jsonl", "sentiment")
    assert str(info.value) == "x.jsonl line 7: field 'label' must be 'positive' or 'negative', got 'pos'"


def test_line_numbers_count_blank_lines_as_an_editor_does(tmp_path):
    path = write_jsonl(tmp_path / "blank.jsonl", [GOOD["qa"], "", "   ", dict(GOOD["qa"], id="q2", answer="Spain")])
    with pytest.raises(DataError, match=r"blank\.jsonl line 4: field 'answer'"):
        load_file(path, "qa")
    # ...and blank lines are not rows
    write_jsonl(path, [GOOD["qa"], "", dict(GOOD["qa"], id="q2"), ""])
    assert len(load_file(path, "qa")) == 2


def test_missing_field_names_line_and_field(tmp_path):
    path = write_jsonl(tmp_path / "m.jsonl", [GOOD["qa"], {"id": "q2", "context": "c", "answer": "c"}])
    with pytest.raises(DataError, match=r"m\.jsonl line 2: missing field 'question'"):
        load_file(path, "qa")


def test_entity_not_in_sentence_names_line_and_field(tmp_path):
    bad = dict(GOOD["ner"], entities=[{"type": "ORG", "text": "Google"}])
    path = write_jsonl(tmp_path / "ner.jsonl", [GOOD["ner"], GOOD["ner"], bad])
    with pytest.raises(DataError, match=r"ner\.jsonl line 3: field 'entities\[0\]\.text' 'Google' does not occur"):
        load_file(path, "ner")


def test_not_json_shows_file_line_and_the_start_of_the_line(tmp_path):
    path = write_jsonl(tmp_path / "j.jsonl", [GOOD["sentiment"], "{'id': 'p2', 'text': 'single quotes are not JSON'}"])
    with pytest.raises(DataError) as info:
        load_file(path, "sentiment")
    message = str(info.value)
    assert "j.jsonl line 2: not valid JSON" in message
    assert "{'id': 'p2', 'text': 'single quotes" in message


def test_not_an_object_names_the_line(tmp_path):
    path = write_jsonl(tmp_path / "list.jsonl", [GOOD["sentiment"], '["p2", "text", "positive"]'])
    with pytest.raises(DataError, match=r"list\.jsonl line 2: expected a JSON object"):
        load_file(path, "sentiment")


def test_bytes_that_are_not_utf8_name_file_and_line(tmp_path):
    path = tmp_path / "latin1.jsonl"
    good = json.dumps(GOOD["sentiment"]).encode()
    path.write_bytes(good + b"\n" + good + b"\n" + '{"id": "p3", "text": "Caf\xe9 au lait.", "label": "positive"}'.encode("latin-1") + b"\n")
    with pytest.raises(DataError, match=r"latin1\.jsonl line 3: bytes that are not UTF-8"):
        load_file(path, "sentiment")


def test_empty_file_is_a_clear_error(tmp_path):
    (tmp_path / "empty.jsonl").write_text("")
    (tmp_path / "blank.jsonl").write_text("\n  \n\n")
    for name in ("empty.jsonl", "blank.jsonl"):
        with pytest.raises(DataError, match=rf"{name}: the file has no rows"):
            load_file(tmp_path / name, "sentiment")


def test_unsupported_suffix_and_missing_file(tmp_path):
    (tmp_path / "x.txt").write_text("hi")
    with pytest.raises(DataError, match="use .jsonl, .json, .csv or .parquet"):
        load_file(tmp_path / "x.txt", "sentiment")
    with pytest.raises(DataError, match="file not found"):
        load_file(tmp_path / "nope.jsonl", "sentiment")


def test_data_error_is_a_value_error():
    assert issubclass(DataError, ValueError)


# --------------------------------------------------------------------------------------
# on_error="skip"
# --------------------------------------------------------------------------------------


def test_skip_drops_bad_rows_and_reports_counts_per_reason(tmp_path):
    path = tmp_path / "mixed.jsonl"
    write_jsonl(
        path,
        [
            GOOD["sentiment"],
            dict(GOOD["sentiment"], id="p2", label="pos"),
            dict(GOOD["sentiment"], id="p3", label="neg"),
            "not json at all",
            dict(GOOD["sentiment"], id="p5", text=""),
            dict(GOOD["sentiment"], id="p6"),
        ],
    )
    with open(path, "ab") as handle:  # line 7: a byte that is not UTF-8
        handle.write(b'{"id": "p7", "text": "\xff", "label": "positive"}\n')

    with pytest.warns(SkippedRowsWarning) as caught:
        dataset = load_file(path, "sentiment", on_error="skip")

    assert dataset["id"] == ["p1", "p6"]
    report = caught[0].message.report
    assert (report.kept, report.skipped) == (2, 5)
    assert report.reasons == {
        "label: not positive/negative": 2,
        "line: not valid JSON": 1,
        "text: empty": 1,
        "line: not UTF-8": 1,
    }
    assert "mixed.jsonl line 2: field 'label'" in report.examples[0]
    # The same summary stays with the dataset.
    assert "kept 2 rows, skipped 5 (2 x label: not positive/negative" in dataset.info.description


def test_skip_with_nothing_to_skip_is_silent(tmp_path, recwarn):
    path = write_jsonl(tmp_path / "ok.jsonl", sentiment_rows(3))
    assert len(load_file(path, "sentiment", on_error="skip")) == 3
    assert not [w for w in recwarn if issubclass(w.category, SkippedRowsWarning)]


def test_skip_everything_is_an_error(tmp_path):
    path = write_jsonl(tmp_path / "bad.jsonl", [dict(GOOD["sentiment"], label="meh")] * 2)
    with pytest.raises(DataError, match="no valid rows left"):
        load_file(path, "sentiment", on_error="skip")


def test_on_error_must_be_raise_or_skip(tmp_path):
    path = write_jsonl(tmp_path / "ok.jsonl", sentiment_rows(1))
    with pytest.raises(ValueError, match="on_error must be 'raise' or 'skip'"):
        load_file(path, "sentiment", on_error="ignore")


# --------------------------------------------------------------------------------------
# field_map, label_map and file formats
# --------------------------------------------------------------------------------------


def test_field_map_maps_schema_field_to_source_field(tmp_path):
    rows = [{"uid": "r1", "review": "Loved it.", "stars": "pos", "extra": 1}]
    path = write_jsonl(tmp_path / "reviews.jsonl", rows)
    dataset = load_file(
        path,
        "sentiment",
        field_map={"id": "uid", "text": "review", "label": "stars"},
        label_map={"pos": "positive", "neg": "negative"},
    )
    assert dataset.column_names == ["id", "text", "label"]
    assert dataset[0] == {"id": "r1", "text": "Loved it.", "label": "positive"}


def test_field_map_errors_name_the_source_field_and_bad_keys(tmp_path):
    path = write_jsonl(tmp_path / "r.jsonl", [{"id": "1", "review": "ok", "label": "positive"}, {"id": "2", "label": "positive"}])
    with pytest.raises(DataError, match=r"r\.jsonl line 2: missing field 'review' \(mapped to 'text'"):
        load_file(path, "sentiment", field_map={"text": "review"})
    with pytest.raises(DataError, match=r"field_map key 'review' is not a field of task 'sentiment'"):
        load_file(path, "sentiment", field_map={"review": "text"})


def test_rows_without_id_get_one_from_the_file_name(tmp_path):
    path = write_jsonl(tmp_path / "reviews.jsonl", [{"text": "Fine.", "label": "positive"}, "", {"text": "Bad.", "label": "negative"}])
    assert load_file(path, "sentiment")["id"] == ["reviews-1", "reviews-2"]


def test_csv_round_trip_with_multiline_dialogue_and_line_numbers(tmp_path):
    rows = [GOOD["summarization"], dict(GOOD["summarization"], id="s2", summary="They part.")]
    frame = datasets.Dataset.from_list(rows).to_pandas()
    path = tmp_path / "dialogues.csv"
    frame.to_csv(path, index=False)
    assert load_file(path, "summarization").to_list() == rows

    # Each dialogue spans two lines in the CSV, so row 2 starts on line 4.
    frame.loc[1, "topic"] = ""
    frame.to_csv(path, index=False)
    with pytest.raises(DataError, match=r"dialogues\.csv line 4: field 'topic' is empty"):
        load_file(path, "summarization")


def test_csv_with_integer_labels_and_json_entities(tmp_path):
    path = tmp_path / "imdb.csv"
    path.write_text('text,label\n"Great, really.",1\nAwful.,0\n')
    dataset = load_file(path, "sentiment", label_map={0: "negative", 1: "positive"})
    assert dataset["label"] == ["positive", "negative"]

    ner_path = tmp_path / "ner.csv"
    frame = datasets.Dataset.from_list([GOOD["ner"]]).to_pandas()
    frame["entities"] = [json.dumps(GOOD["ner"]["entities"])]
    frame.to_csv(ner_path, index=False)
    assert load_file(ner_path, "ner")[0] == GOOD["ner"]


def test_parquet_round_trip_and_row_numbers(tmp_path):
    rows = [GOOD["ner"], dict(GOOD["ner"], id="n2", entities=[])]
    path = tmp_path / "ner.parquet"
    datasets.Dataset.from_list(rows, features=data.FEATURES["ner"]).to_parquet(str(path))
    assert load_file(path, "ner").to_list() == rows

    rows.append(dict(GOOD["ner"], id="n3", entities=[{"type": "MISC", "text": "Ada"}]))
    datasets.Dataset.from_list(rows, features=data.FEATURES["ner"]).to_parquet(str(path))
    with pytest.raises(DataError, match=r"ner\.parquet row 3: field 'entities\[0\]\.type'"):
        load_file(path, "ner")


def test_json_array_and_json_lines_with_json_suffix(tmp_path):
    rows = sentiment_rows(2)
    (tmp_path / "array.json").write_text(json.dumps(rows, indent=2))
    write_jsonl(tmp_path / "lines.json", rows)
    assert load_file(tmp_path / "array.json", "sentiment").to_list() == rows
    assert load_file(tmp_path / "lines.json", "sentiment").to_list() == rows


# --------------------------------------------------------------------------------------
# The hub, without the network: datasets.load_dataset is replaced by a local JSONL read
# --------------------------------------------------------------------------------------


@pytest.fixture
def fake_hub(monkeypatch):
    """Make datasets.load_dataset serve local files: {hub name: JSONL path}."""
    served = {}
    calls = []

    def fake_load_dataset(name, config=None, *, split, **kwargs):
        calls.append((name, config, split, kwargs))
        if name not in served:
            raise FileNotFoundError(f"Dataset '{name}' doesn't exist on the Hub or cannot be accessed.")
        lines = Path(served[name]).read_text().splitlines()
        return datasets.Dataset.from_list([json.loads(line) for line in lines if line.strip()])

    monkeypatch.setattr(data.datasets, "load_dataset", fake_load_dataset)
    return served, calls


def test_load_hub_dialogsum_schema(fake_hub):
    served, calls = fake_hub
    served["knkarthick/dialogsum"] = FIXTURES / "dialogsum_sample.jsonl"
    dataset = load_hub("knkarthick/dialogsum", "summarization", split="validation")
    assert calls == [("knkarthick/dialogsum", None, "validation", {})]
    assert dataset.column_names == ["id", "dialogue", "summary", "topic"]
    assert dataset[0]["id"] == "train_0"
    assert dataset[0]["dialogue"].startswith("#Person1#: ")


def test_load_hub_maps_fields_labels_and_skips_with_hub_locations(fake_hub, tmp_path):
    served, _ = fake_hub
    imdb = write_jsonl(
        tmp_path / "imdb.jsonl",
        [{"text": "A gem.", "label": 1}, {"text": "A mess.", "label": 0}, {"text": "", "label": 1}],
    )
    served["imdb"] = imdb
    with pytest.warns(SkippedRowsWarning, match=r"imdb\[test\] row 3: field 'text' is empty"):
        dataset = load_hub("imdb", "sentiment", split="test", label_map={0: "negative", 1: "positive"}, on_error="skip")
    assert dataset.to_list() == [
        {"id": "imdb-test-1", "text": "A gem.", "label": "positive"},
        {"id": "imdb-test-2", "text": "A mess.", "label": "negative"},
    ]
    # Without label_map the integer labels are an error that says what to pass.
    with pytest.raises(DataError, match=r"imdb\[train\] row 1: field 'label' .* got 1; map integer classes with label_map"):
        load_hub("imdb", "sentiment")


def test_load_hub_field_map_and_unreachable_hub(fake_hub, tmp_path):
    served, _ = fake_hub
    served["someone/chat-sum"] = write_jsonl(
        tmp_path / "chat.jsonl",
        [{"fname": "c1", "conversation": "#Person1#: Hi.\n#Person2#: Bye.", "abstract": "Short chat.", "theme": "chat"}],
    )
    dataset = load_hub(
        "someone/chat-sum",
        "summarization",
        field_map={"id": "fname", "dialogue": "conversation", "summary": "abstract", "topic": "theme"},
    )
    assert dataset[0]["summary"] == "Short chat."
    with pytest.raises(DataError, match=r"could not load nobody/nothing\[train\] .*Offline\? Use load_task"):
        load_hub("nobody/nothing", "summarization")
