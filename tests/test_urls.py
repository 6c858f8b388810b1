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


@pytest.mark.parametrize("url, cleaned, removed", [
    ("https://e.org/p?utm%5Fsource=x&a=1", "https://e.org/p?a=1", ["utm%5Fsource"]),
    ("https://e.org/p?fb%63lid=x", "https://e.org/p", ["fb%63lid"]),
    ("https://e.org/p?FBCLID=x&GCLID=y&b=2", "https://e.org/p?b=2", ["FBCLID", "GCLID"]),
    ("https://youtu.be/abc?Si=share&t=42", "https://youtu.be/abc?t=42", ["Si"]),
    ("https://e.org/p?a=1;utm_medium=x;b=2", "https://e.org/p?a=1;b=2", ["utm_medium"]),
    ("https://e.org/p?utm_source=x;a=1&b=2", "https://e.org/p?a=1&b=2", ["utm_source"]),
])
def test_tracking_parameters_cannot_hide(url, cleaned, removed):
    assert clean_url(url) == (cleaned, removed, None)


@pytest.mark.parametrize("url, says", [
    ("https://user:secret@e.org/", "cannot hold a user name and password"),
    ("https://trusted.org@evil.example/", "the host of this URL is 'evil.example'"),
    ("https://@e.org/", "the host of this URL is 'e.org'"),
    ("https://e.org:port/", "not a valid URL"),
])
def test_userinfo_is_an_error(url, says):
    cleaned, removed, problem = clean_url(url)
    assert problem is not None and says in problem and cleaned == url
