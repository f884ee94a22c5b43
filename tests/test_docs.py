"""The documentation agrees with the code: the example file, the commands, the CI script."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reportinfo import loader
from tests.conftest import Change, Invoke, bundled_yaml, delete_at, run_installed, set_at

ROOT = Path(__file__).resolve().parents[1]


def read(relative: str) -> str:
    path = ROOT / relative
    if not path.exists():
        pytest.skip(f"{relative} is not in this copy (an installed sdist without it)")
    return path.read_text(encoding="utf-8")


def test_the_data_format_example_is_a_valid_report(tmp_path: Path, invoke: Invoke) -> None:
    example = re.search(r"```yaml\n(.*?)```", read("docs/data-format.md"), re.DOTALL)
    assert example
    path = tmp_path / "example.yaml"
    path.write_text(example.group(1), encoding="utf-8")
    report = loader.load(str(path))
    assert report.findings[0].quotes == ("passed around",)
    result = invoke("--data", str(path), "help-contacts")
    assert result.exit_code == 0
    assert "Example Helpline" in result.stdout
    assert "Bank holidays are not known to this tool" in result.stdout


def test_the_data_format_documents_every_key() -> None:
    from reportinfo import model

    documented = set(re.findall(r"^\| `(\w+)` \|", read("docs/data-format.md"), re.MULTILINE))
    records = [
        value
        for value in vars(model).values()
        if isinstance(value, type) and issubclass(value, tuple) and hasattr(value, "_fields")
    ]
    assert len(records) >= 12
    for record in records:
        if record is model.Period:
            continue  # documented in words: start and end
        keys = {model.yaml_key(record, name) for name in record._fields}
        assert keys <= documented, record.__name__


def test_ci_runs_the_readme_test_command() -> None:
    readme_commands = re.findall(r"```console\n(python3 -m venv .*?)\n```", read("README.md"))
    assert len(readme_commands) == 2, "the quick start has exactly two commands"
    install_and_test = readme_commands[1]
    assert install_and_test in read(".ci/run")


README_MOST_LINES = 250  # what it is, the box, a picture, install, examples, links: no more


def test_the_readme_is_short_and_its_box_comes_first() -> None:
    readme = read("README.md")
    assert len(readme.splitlines()) <= README_MOST_LINES
    lines = readme.splitlines()
    note = lines.index("> **Content note.** This report discusses child sexual abuse and suicide.")
    assert note < 15, "a newcomer reads the help box before anything else"
    box = lines[note : lines.index("<!-- [[[end]]] -->")]
    # Each line of the box is a paragraph of its own: a blank quoted line between any two.
    assert all(line == ">" for line in box[1::2]), box
    assert "> ## Where to find help" in box


def test_every_local_link_in_the_docs_leads_to_a_file() -> None:
    pages = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
    for page in pages:
        if not page.exists():
            continue
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\((?!https?:|mailto:|tel:|#|<)([^)#\s]+)", text):
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


def test_the_generated_samples_are_up_to_date() -> None:
    """The README's and docs' samples are what the code prints now (CI also runs cog)."""
    cogapp = pytest.importorskip("cogapp")
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    if not all(page.exists() for page in pages):
        pytest.skip("the README or docs are not in this copy")
    status = cogapp.Cog().main(
        ["cog", "--check", "-I", str(ROOT / "docs"), *(str(page) for page in pages)]
    )
    assert status == 0, "out of date: run .venv/bin/cog -r -I docs README.md docs/*.md"


def complete(words: str) -> list[str]:
    env = {
        "_REPORTINFO_COMPLETE": "bash_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    result = run_installed(env=env)
    assert result.returncode == 0
    lines: list[str] = result.stdout.splitlines()
    return lines


def test_completion_offers_commands_and_group_ids() -> None:
    assert complete("reportinfo help-") == ["plain,help-contacts"]
    assert complete("reportinfo help-contacts --for ") == [
        "plain,danger",
        "plain,worried-about-a-child",
        "plain,children",
        "plain,abused-as-a-child",
        "plain,struggling",
    ]
    assert complete("reportinfo help-contacts --for str") == ["plain,struggling"]
    assert complete("reportinfo --format ") == [
        "plain,text",
        "plain,json",
        "plain,markdown",
        "plain,html",
    ]


def test_completion_offers_finding_numbers_and_help_topics() -> None:
    assert complete("reportinfo findings ") == [f"plain,{n}" for n in range(1, 11)]
    assert complete("reportinfo findings 1") == ["plain,1", "plain,10"]
    commands = ["summary", "findings", "help-contacts", "sources", "validate", "schema", "help"]
    assert complete("reportinfo help ") == [f"plain,{name}" for name in [*commands, "format"]]
    assert complete("reportinfo help f") == ["plain,findings", "plain,format"]
    # The words people try work, but completion offers only the listed commands.
    assert complete("reportinfo ") == [f"plain,{name}" for name in commands]
    assert complete("reportinfo phone --for wor") == ["plain,worried-about-a-child"]


def test_the_claims_about_yaml_times_are_true(tmp_path: Path) -> None:
    import yaml

    assert yaml.safe_load("t: 17:30")["t"] == 1050  # YAML 1.1 base 60: why times are quoted
    assert yaml.safe_load("t: 08:00")["t"] == "08:00"
    bundled = Path(loader.bundled_path()).read_text(encoding="utf-8")
    path = tmp_path / "unquoted.yaml"
    path.write_text(bundled.replace('closes: "17:30"', "closes: 17:30", 1), encoding="utf-8")
    assert "expected text, got a number" in str(loader_problems(path))


def loader_problems(path: Path) -> list[str]:
    from reportinfo.errors import DataError

    with pytest.raises(DataError) as caught:
        loader.load(str(path))
    problems: list[DataError] = [caught.value]
    return [str(problem) for error in problems for problem in error.problems]


def as_json(data: object) -> object:
    """Parsed YAML as JSON would hold it: dates as text."""
    return json.loads(json.dumps(data, default=str))


def test_the_schema_is_generated_and_up_to_date() -> None:
    from reportinfo import schema

    assert read("schema/report.schema.json") == schema.to_json()


def test_the_bundled_report_follows_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from reportinfo import schema

    validator = jsonschema.Draft202012Validator(schema.schema())
    jsonschema.Draft202012Validator.check_schema(schema.schema())
    assert list(validator.iter_errors(as_json(bundled_yaml()))) == []


@pytest.mark.parametrize(
    "change",
    [
        set_at("report.titel", "x"),
        delete_at("report.title"),
        set_at("findings.2.text", ["a", "list"]),
        set_at("findings.2.text", "  "),
        set_at("report.recommendations", "14"),
        set_at("contacts.1.channels.0.kind", "fax"),
        set_at("contacts.1.channels.0.hours.weekly.0.opens", "8am"),
        set_at("contacts.1.checked", "28/11/2026"),
        set_at("sources.1.url", "www.example.org"),
        set_at("findings.0.sources", []),
        set_at("contacts.1.channels.0.value", "call us"),
    ],
)
def test_bad_files_fail_the_schema_too(change: Change) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import copy

    from reportinfo import schema

    data = copy.deepcopy(bundled_yaml())
    change(data)
    assert list(jsonschema.Draft202012Validator(schema.schema()).iter_errors(as_json(data)))
