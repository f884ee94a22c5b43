"""The installed `reportinfo` as a real process: pipes, exit codes, streams and environments.

These run the console script that `pip install .` put next to this interpreter, so a data file
missing from the wheel, or a broken entry point, fails here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from reportinfo import loader
from tests.conftest import FROM_WHEEL, INSTALLED, SECTION_ARGS, clean_env, run_installed
from tests.test_loader import HELP


def test_the_console_script_is_installed() -> None:
    assert INSTALLED.is_file(), f"{INSTALLED} is missing: install the project with pip first"


def test_the_package_carries_its_data_file() -> None:
    if not FROM_WHEEL:
        pytest.skip("running from the source tree (an editable install), not from a wheel")
    bundled = resources.files("reportinfo") / "data" / "report.yaml"
    assert bundled.is_file(), "data/report.yaml is not in the wheel"
    assert Path(loader.bundled_path()) == Path(str(bundled))


def test_the_package_carries_the_format_page() -> None:
    """`reportinfo help format` reads the page from the package: the wheel must carry it."""
    if not FROM_WHEEL:
        pytest.skip("running from the source tree (an editable install), not from a wheel")
    page = resources.files("reportinfo") / "data" / "data-format.md"
    assert page.is_file(), "docs/data-format.md is not in the wheel"


def test_the_man_pages_are_installed() -> None:
    if not FROM_WHEEL:
        pytest.skip("running from the source tree (an editable install), not from a wheel")
    man = Path(sys.prefix) / "share" / "man"
    assert (man / "man1" / "reportinfo.1").is_file()
    assert (man / "man5" / "reportinfo-report.5").is_file()


def test_help_format_from_any_directory(tmp_path: Path) -> None:
    result = run_installed("help", "format", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# The report file format\n")
    assert "## A minimal complete example" in result.stdout


@pytest.mark.parametrize("section", SECTION_ARGS)
def test_each_section_piped_from_any_directory(section: str, tmp_path: Path) -> None:
    result = run_installed(*SECTION_ARGS[section], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert "\x1b" not in result.stdout
    if section != "help-contacts":  # help-contacts may warn on stderr once its data is a year old
        assert result.stderr == ""


def test_python_dash_m_works(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reportinfo", "findings"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=clean_env(),
        check=False,
    )
    assert result.returncode == 0
    assert "1. In the past" in result.stdout


def test_importing_main_does_not_run_the_tool() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import reportinfo.__main__; print('still here')"],
        capture_output=True,
        text=True,
        env=clean_env(),
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "still here\n")


def test_missing_data_file_is_one_line_on_stderr_exit_1(tmp_path: Path) -> None:
    result = run_installed("--data", str(tmp_path / "nope.yaml"), "summary")
    assert result.returncode == 1
    assert result.stdout == ""
    assert (
        result.stderr == f"reportinfo: {tmp_path / 'nope.yaml'} (from --data): no such file{HELP}\n"
    )


def test_data_from_the_environment(tmp_path: Path) -> None:
    result = run_installed("findings", env={"REPORTINFO_DATA": str(tmp_path)})
    assert result.returncode == 1
    assert result.stderr == (
        f"reportinfo: {tmp_path} (from REPORTINFO_DATA): is a directory, not a file{HELP}\n"
    )


def test_unknown_command_exit_2_no_traceback() -> None:
    result = run_installed("finding")
    assert result.returncode == 2
    assert result.stderr == (
        "reportinfo: No such command 'finding'. Did you mean 'findings'? Try 'reportinfo --help'.\n"
    )


EVERY_WRITE = [
    ["--help"],
    ["--version"],
    ["summary", "--help"],
    ["help"],
    *SECTION_ARGS.values(),
    ["sources", "--json"],
    ["validate"],
]


@pytest.mark.parametrize("args", EVERY_WRITE)
def test_a_reader_that_has_gone_is_not_an_error(args: list[str]) -> None:
    """A closed pipe (the reader stopped, as `head` does) exits 0 quietly, for every output."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    process = run_installed(*args, stdout=write_end, stderr=subprocess.PIPE, text=True)
    os.close(write_end)
    assert process.returncode == 0
    # Nothing but the notes that depend on the date (stale details, bank holidays running out).
    for line in process.stderr.splitlines():
        assert line.startswith(
            (
                "reportinfo: Note: these contact details",
                "reportinfo: bundled report: warning: bank_holidays",
            )
        ), line


def test_output_cut_short_by_head_exits_quietly() -> None:
    result = subprocess.run(
        f"'{INSTALLED}' sources | head -n 1; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        env=clean_env(),
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout == "Content note: This report discusses child sexual abuse and suicide.\n"
    assert result.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", EVERY_WRITE)
def test_a_full_disk_is_exit_3_with_one_line(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = run_installed(*args, stdout=full, stderr=subprocess.PIPE, text=True)
    assert result.returncode == 3
    assert result.stderr.startswith("reportinfo: cannot write to standard output (")
    assert result.stderr.count("\n") == 1


COMPLETION_REQUESTS = [
    {"_REPORTINFO_COMPLETE": "bash_source"},
    {"_REPORTINFO_COMPLETE": "zsh_source"},
    {"_REPORTINFO_COMPLETE": "bash_complete", "COMP_WORDS": "reportinfo ", "COMP_CWORD": "1"},
]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("env", COMPLETION_REQUESTS)
def test_shell_completion_writes_through_the_same_path(env: dict[str, str]) -> None:
    result = run_installed(env=env)
    assert result.returncode == 0
    assert result.stdout.strip()
    assert result.stdout.endswith("\n")
    assert not result.stdout.endswith("\n\n")
    with open("/dev/full", "w") as full:
        result = run_installed(env=env, stdout=full, stderr=subprocess.PIPE, text=True)
    assert result.returncode == 3
    assert result.stderr.startswith("reportinfo: cannot write to standard output (")
    assert result.stderr.count("\n") == 1


def test_an_unknown_completion_request_is_one_line_and_exit_2() -> None:
    result = run_installed(env={"_REPORTINFO_COMPLETE": "tcsh_source"})
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "reportinfo: _REPORTINFO_COMPLETE=tcsh_source is not a completion request; "
        "use bash_source, zsh_source or fish_source\n"
    )


def test_closed_stdout_is_exit_3_with_a_message() -> None:
    result = subprocess.run(
        f"'{INSTALLED}' summary >&-",
        shell=True,
        capture_output=True,
        text=True,
        env=clean_env(),
        check=False,
    )
    assert result.returncode == 3
    assert result.stderr == "reportinfo: standard output is closed\n"


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "args", [["summary"], ["findings", "--color", "always"], ["help-contacts", "--format", "json"]]
)
def test_narrow_encodings_fall_back_to_plain_punctuation(encoding: str, args: list[str]) -> None:
    result = run_installed(*args, env={"PYTHONIOENCODING": encoding}, text=False)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr  # help-contacts may note, a year on, that it is stale
    text = result.stdout.decode(encoding)
    assert "Traceback" not in text
    if args[0] == "findings":
        assert '"not heard"' in text
    if args[0] == "summary":
        assert "1998 - 2016" in text


@pytest.mark.parametrize("columns", ["1", "20", "1000"])
def test_odd_widths_do_not_break_output(columns: str) -> None:
    result = run_installed("help-contacts", "--color", "always", env={"COLUMNS": columns})
    assert result.returncode == 0
    assert "0808 800 5000" in result.stdout


def test_dumb_terminal_unset_home_and_read_only_directory(tmp_path: Path) -> None:
    read_only = tmp_path / "ro"
    read_only.mkdir()
    read_only.chmod(0o555)
    result = run_installed("summary", env={"TERM": "dumb"}, unset=("HOME",), cwd=read_only)
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    assert list(read_only.iterdir()) == [], "reportinfo never writes a file"


def test_the_interrupt_handler_is_set_before_anything_heavy_is_imported() -> None:
    probe = (
        "import signal, sys, reportinfo.entry as entry\n"
        "assert signal.getsignal(signal.SIGINT) is entry._interrupted\n"
        "assert not {'click', 'yaml', 'rich'} & set(sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], env=clean_env(), check=False)
    assert result.returncode == 0


# A process ended by SIGINT, as subprocess reports it (a shell reports it as 130).
KILLED_BY_SIGINT = -2


@pytest.mark.skipif(os.name == "nt", reason="no SIGINT to send on Windows")
def test_the_interrupt_handler_says_one_line_and_ends_by_sigint() -> None:
    """The handler itself, without timing: the process interrupts itself once it is set."""
    probe = (
        "import os, signal, time, reportinfo.entry\n"
        "os.kill(os.getpid(), signal.SIGINT)\n"
        "time.sleep(30)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=clean_env(), timeout=60
    )
    assert result.returncode == KILLED_BY_SIGINT
    assert result.stderr == "reportinfo: interrupted\n"


@pytest.mark.skipif(os.name == "nt", reason="no SIGINT to send on Windows")
def test_ctrl_c_stops_the_script_that_runs_the_tool(tmp_path: Path) -> None:
    """Ctrl-C in a shell loop stops the loop, as it does for cat or python: the shell sees that
    the tool was ended by SIGINT, not that it chose to exit."""
    import errno
    import signal
    import time

    # The tool reads a named pipe with no writer yet. Opening its other end succeeds only once
    # the tool has opened it, so Ctrl-C comes while our code runs, however busy the machine.
    pipe = tmp_path / "report.yaml"
    os.mkfifo(pipe)
    loop = f'for i in 1 2 3; do "{INSTALLED}" validate "{pipe}"; echo "went on after $i"; done'
    env = clean_env(unset=("COVERAGE_PROCESS_CONFIG", "COVERAGE_PROCESS_START"))
    shell = subprocess.Popen(
        ["bash", "-c", loop],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # a process group of its own, as a terminal's foreground job is
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                writer = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
                break
            except OSError as error:
                if error.errno != errno.ENXIO:  # ENXIO: nobody has it open for reading yet
                    raise
                assert time.monotonic() < deadline, "the tool never opened its report file"
                time.sleep(0.01)
        os.killpg(shell.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
        out, err = shell.communicate(timeout=30)
        os.close(writer)
    finally:
        if shell.poll() is None:
            os.killpg(shell.pid, signal.SIGKILL)
    assert b"went on" not in out
    assert err == b"reportinfo: interrupted\n"
    assert shell.returncode in (KILLED_BY_SIGINT, 130)


@pytest.mark.skipif(os.name == "nt", reason="no SIGINT to send on Windows")
def test_ctrl_c_at_any_moment_while_our_code_runs_is_one_line_and_130() -> None:
    """SIGINT at 40 moments from start-up to the end of a run. Only the interpreter's own start-up,
    before any of our code runs, may still answer in Python's way (killed, or a traceback that
    names no module of ours); from the first line of ours on, the answer is one line and 130."""
    import signal
    import time

    command = [str(INSTALLED), "help-contacts", "--color", "always"]
    # Not measured by coverage, even when the suite is: coverage's own hook at exit handles a
    # late signal in its own way, and this test is about ours.
    env = clean_env(unset=("COVERAGE_PROCESS_CONFIG", "COVERAGE_PROCESS_START"))
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, env=env, check=True)
    whole_run_ms = (time.perf_counter() - start) * 1000  # slower on a busy machine, say
    ours = 0
    for step in range(40):
        delay_ms = whole_run_ms * step / 40
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        time.sleep(delay_ms / 1000)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
        stderr = err.decode("utf-8", "replace")
        if stderr == "reportinfo: interrupted\n":
            ours += 1
            assert process.returncode == KILLED_BY_SIGINT, (delay_ms, process.returncode)
        else:
            # Anything else: start-up was cut short. Exit 0: the signal came after the run, or
            # in the interpreter's own start-up, which reports some interrupts (while it checks
            # whether argv[0] is a zip archive) and carries on. Neither names our code.
            for name in ("reportinfo", "click", "yaml", "rich"):
                assert f"/{name}/" not in stderr.replace(str(INSTALLED), ""), (delay_ms, stderr)
    assert ours, "no signal arrived while our code ran"
