"""The load figure's arithmetic (benchmarks/load.py) on fixed timings: no server, no clock."""

import importlib.util
import random
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "load.py"
_spec = importlib.util.spec_from_file_location("load_benchmark", SCRIPT)
load = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = load  # its dataclasses look their module up
_spec.loader.exec_module(load)


def record(kind="Today", started=0.0, ms=10.0, problem="", request_id=""):
    return load.Record(kind, started, ms / 1000, problem, request_id)


def test_p95_of_one_to_a_hundred_is_95():
    values = [float(n) for n in range(1, 101)]
    random.Random(15).shuffle(values)
    assert load.percentile(values, 0.95) == 95


def test_p99_of_ten_values_is_the_slowest():
    assert load.percentile([3.0, 1.0, 7.0, 2.0, 9.0, 4.0, 8.0, 5.0, 6.0, 10.0], 0.99) == 10


def test_median_p95_and_p99_of_fixed_timings():
    records = [record(ms=ms) for ms in range(1, 201)]
    summary = load.summarise(records, seconds=10)
    assert (summary.median_ms, summary.p95_ms, summary.p99_ms) == (100.5, 190, 198)


def test_requests_per_second_counts_every_request_over_the_measured_time():
    records = [record() for _ in range(90)]
    assert load.summarise(records, seconds=30).per_second == 3


def test_an_answer_with_a_problem_is_counted_as_an_error():
    records = [record(), record(problem="status 500"), record(problem="timed out")]
    assert load.summarise(records, seconds=1).errors == 2


def test_p95_is_taken_for_each_kind_of_request_alone():
    records = [record("radar", ms=ms) for ms in range(1, 21)]
    records += [record("generate", ms=ms * 100) for ms in range(1, 21)]
    assert load.p95_by_kind(records) == {"radar": 19, "generate": 1900}


def test_requests_sent_during_the_warm_up_or_after_the_end_are_left_out():
    records = [record(started=at) for at in (9.9, 10.0, 15.0, 69.9, 70.0)]
    kept = load.in_window(records, start=10.0, end=70.0)
    assert [r.started for r in kept] == [10.0, 15.0, 69.9]


def test_a_sign_in_that_failed_is_never_in_the_window():
    failed = record("sign in", started=float("inf"), problem="GET /accounts/login/: 503")
    assert load.in_window([failed], start=10.0, end=70.0) == []


def test_time_in_a_worker_is_read_from_gunicorns_access_lines_by_request_id():
    today, generate = "a" * 32, "b" * 32
    log = (
        f'127.0.0.1 "GET /classes/3/today/ HTTP/1.1" 200 20480 37ms [{today}]\n'
        f"2026-12-03 09:00:01 INFO [{generate}] partnerup: generate for class 3\n"
        f'127.0.0.1 "POST /classes/3/plans/generate/ HTTP/1.1" 302 0 812ms [{generate}]\n'
    )
    assert load.server_times(log) == {today: 37, generate: 812}


def test_p95_in_a_worker_uses_the_logged_time_and_skips_requests_never_logged():
    records = [record("Today", ms=900, request_id=f"{n:032x}") for n in range(20)]
    in_worker = {f"{n:032x}": float(n + 1) for n in range(19)}  # the last is not in the log
    assert load.p95_in_worker(records, in_worker) == {"Today": 19}
