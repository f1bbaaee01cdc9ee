"""The batch input type is `DocumentSet` (issue 15); `Cluster`, its name in 0.1, and the
files written for it keep working for one release."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import newsprism
from newsprism.cli import app
from newsprism.ingest import Payload, read_clusters, read_document_sets
from newsprism.model import Cluster, DocumentSet, json_schema
from newsprism.summary import summarize_cluster, summarize_document_set

# A line as 0.1 wrote and documented it ("cluster JSONL").
OLD_LINE = {
    "id": "D0703A-B",
    "query": "flood damage",
    "documents": [
        {
            "id": "APW19990707.0181",
            "title": "Floods in the south",
            "source": "APW",
            "published": "1999-07-07T08:30:27",
            "text": "Rivers rose across the south on Tuesday.\n\nThousands left their homes.",
        }
    ],
    "seen_documents": [],
}


def test_a_line_written_for_cluster_reads_as_a_document_set() -> None:
    payload = Payload(origin="old.jsonl", data=(json.dumps(OLD_LINE) + "\n").encode())
    [found] = list(read_document_sets(payload))
    assert isinstance(found, DocumentSet)
    assert (found.id, found.query) == ("D0703A-B", "flood damage")
    assert [d.input_id for d in found.documents] == ["APW19990707.0181"]
    assert found.documents[0].source == "APW"
    # Its JSON is the same shape, so what was written reads back either way.
    assert DocumentSet.model_validate_json(found.model_dump_json()) == found


def test_the_old_names_are_aliases_for_one_release() -> None:
    assert Cluster is DocumentSet and newsprism.Cluster is newsprism.DocumentSet
    assert read_clusters is read_document_sets
    assert summarize_cluster is summarize_document_set
    assert json_schema("cluster") == json_schema("document-set")
    assert json.loads(json_schema("document-set"))["title"] == "DocumentSet"
    old = CliRunner().invoke(app, ["schema", "cluster"])
    new = CliRunner().invoke(app, ["schema", "document-set"])
    assert old.exit_code == new.exit_code == 0 and old.stdout == new.stdout
