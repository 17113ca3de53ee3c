"""What every CLI test script shares: where the binary and the samples are,
`check` (records a failure and goes on) and `run` (the binary's exit code,
stdout and stderr)."""
import os
import subprocess

ROOT = os.environ.get("ENTENTE_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("ENTENTE_BIN", os.path.join(ROOT, "build", "entente"))
SAMPLES = os.path.join(ROOT, "samples")

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args, stdin=None, cwd=None):
    p = subprocess.run([BIN, *args], input=stdin, capture_output=True, cwd=cwd)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def main(tests, argv, setup=None):
    """Runs the tests named in `argv` (all of `tests` when none), after
    `setup` if given, and exits 1 when a check failed."""
    import sys

    if setup:
        setup()
    for name in argv or sorted(tests):
        tests[name]()
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("ok")
