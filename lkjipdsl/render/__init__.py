"""The last stage: the evaluated Result laid out for people. Nothing here computes a value.

The tables (table.py, tables.py, report_tables.py, with the words of headings.py), their formats
in one registry (formats.py: text, markdown, csv, json, html, xlsx, docx, png), the charts, the
BAB III narrative, report templates in a sandbox (templating.py, sandbox.py), and the one way
output is written (output.py). Numbers are formatted by lkjipdsl.format; `lkjipdsl.render_report`
and `write_report` are the public way in (lkjipdsl.reports).
"""
