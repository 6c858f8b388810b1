"""URL rules: http(s) only; tracking parameters removed, everything else kept."""
from __future__ import annotations

import pytest

from workshopkit.source.urls import clean_url

TRACKERS = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "UTM_Source",
            "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid",
            "_hsenc", "_hsmi", "si"]


@pytest.mark.parametrize("name", TRACKERS)
def test_each_tracking_parameter_is_removed(name):
    cleaned, removed, problem = clean_url(f"https://example.org/p?a=1&{name}=zz&b=2")
    assert (cleaned, removed, problem) == ("https://example.org/p?a=1&b=2", [name], None)


@pytest.mark.parametrize("url", [
    "https://youtu.be/abc?t=42",
    "https://video.example.org/w/1?start=30&t=1m2s",
    "https://example.org/search?q=a%20b&lang=es#sec-2",
    "http://example.org/",
    "https://example.org/?sid=1&session=2&utm=3",   # look-alikes are not trackers
    "https://example.org/path;params?x",
])
def test_everything_else_is_kept_byte_for_byte(url):
    assert clean_url(url) == (url, [], None)


def test_all_parameters_removed_drops_the_question_mark():
    assert clean_url("https://example.org/a?utm_source=x&fbclid=y#frag") == (
        "https://example.org/a#frag", ["utm_source", "fbclid"], None)


@pytest.mark.parametrize("url, says", [
    ("ftp://example.org/f", "'ftp:' found"),
    ("javascript:alert(1)", "'javascript:' found"),
    ("file:///etc/passwd", "'file:' found"),
    ("mailto:a@example.org", "'mailto:' found"),
    ("example.org/page", "no scheme"),
    ("https://", "no host name"),
    ("https://exa mple.org", "cannot contain spaces"),
    ("https://[::1", "not a valid URL"),
])
def test_bad_urls(url, says):
    cleaned, removed, problem = clean_url(url)
    assert problem is not None and says in problem


def test_scheme_is_case_insensitive():
    assert clean_url("HTTPS://Example.org/")[2] is None
