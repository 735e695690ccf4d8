"""pecheck sample kit: blocks, report.md markup, faults.toml edits, DOCX/HTML writers, renderers."""
