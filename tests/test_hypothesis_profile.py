"""The property tests must not depend on how fast the machine is (issue 14).

CI shares two cores with other work; Hypothesis' ``too_slow`` health check and its
per-example deadline turned a busy machine into a red suite. ``tests/conftest.py``
registers one profile without them and loads it for every run; these tests check that
the profile is active and that no test's own ``@settings`` brings the timing back.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator

from hypothesis import HealthCheck, settings

import tests


def _property_tests() -> Iterator[tuple[str, settings]]:
    for info in pkgutil.iter_modules(tests.__path__):
        if not info.name.startswith("test_"):
            continue
        module = importlib.import_module(f"tests.{info.name}")
        for name, obj in vars(module).items():
            if not name.startswith("test_") or not callable(obj):
                continue
            if not getattr(obj, "is_hypothesis_test", False):
                continue
            # the effective settings: the test's own over the profile loaded at import
            own = getattr(obj, "_hypothesis_internal_use_settings", None)
            yield f"{info.name}::{name}", own if own is not None else settings()


def test_the_loaded_profile_has_no_timing_checks() -> None:
    """The default settings in this run carry no deadline and no too_slow check."""
    current = settings()
    assert current.deadline is None
    assert HealthCheck.too_slow in current.suppress_health_check


def test_no_property_test_brings_timing_back() -> None:
    """Every @given test runs without a deadline and without the too_slow check."""
    found = list(_property_tests())
    assert len(found) >= 10  # the property tests of the suite, not an empty scan
    timed = [
        name
        for name, own in found
        if own.deadline is not None or HealthCheck.too_slow not in own.suppress_health_check
    ]
    assert timed == []
