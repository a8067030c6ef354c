"""PDF from HTML with WeasyPrint (the `pdf` extra): `eval --format pdf` (the tables' page) and
`render --template lkjip.html -o LKjIP.pdf` (the whole report).

The page layout is the HTML's print stylesheet (`@page`: A4, landscape pages for wide tables as a
named page, page numbers; the header row of a table repeated on each page, rows not split): the
PDF is what a browser prints, without a browser.

A template may be anyone's, so the HTML is untrusted: WeasyPrint fetches nothing but the `data:`
URIs lkjipdsl writes itself (the charts). A link to a file (`file:///…`), a web address or a
stylesheet elsewhere is refused and left out, so a PDF never carries a file of the computer that
made it and never calls out to the network.
"""

from __future__ import annotations

import logging

from ..i18n import N_, _, language
from ..format import format_value
from ..limits import Limits
from .extras import require
from .format_request import FormatRequest, UsageError

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from .format_request import Rendered


class _Refused(Exception):
    pass


def _data_only():
    """WeasyPrint's fetcher for `data:` URIs only (an object from WeasyPrint 68, a function before)."""
    from weasyprint import urls

    if hasattr(urls, "URLFetcher"):
        return urls.URLFetcher(allowed_protocols={"data"}, allow_redirects=False)

    def fetch(url: str, *args, **kwargs):
        if not url.startswith("data:"):
            raise _Refused(url)
        return urls.default_url_fetcher(url, *args, **kwargs)

    return fetch


def html_to_pdf(html: str, limits: Limits | None = None) -> bytes:
    """The PDF of an HTML page (its own print stylesheet decides the pages); refused (UsageError)
    when its tables hold more rows than the limit max_pdf_rows."""
    limit = (limits or Limits()).max_pdf_rows
    rows = html.count("<tr")
    if rows > limit:
        raise UsageError(_("the PDF would hold {rows} table rows, more than the limit max_pdf_rows ({limit}): "
                           "laying it out would take about {megabytes} MB of memory; write .docx or .html "
                           "instead, choose tables with --table, or raise the limit with {option}").format(
            rows=rows, limit=limit, megabytes=format_value(rows * 140 // 1000, lang=language()),
            option="--limit max_pdf_rows=N"))
    with require("pdf", N_("PDF")):
        from weasyprint import HTML
    # WeasyPrint reports what it leaves out (a refused URL, a CSS property it does not know) through
    # its logger: a note for a developer, not for the planner reading the command's output
    logger = logging.getLogger("weasyprint")
    level, logger.level = logger.level, logging.CRITICAL
    try:
        return HTML(string=html, url_fetcher=_data_only(), base_url=None).write_pdf()
    finally:
        logger.setLevel(level)


def rendered_pdf(request: FormatRequest) -> Rendered:
    """`eval --format pdf`: the page of `--format html` (the tables asked for, the charts) as a PDF."""
    from .html import rendered_page

    with require("pdf", N_("--format pdf")):
        import weasyprint  # noqa: F401 — fail before the page is made when WeasyPrint is missing
    page, notes = rendered_page(request)
    data = html_to_pdf(page, request.limits)
    return (lambda file: file.write(data)), notes
