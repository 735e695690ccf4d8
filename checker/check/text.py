"""Text, logic and completeness rules (filled in by the text issue)."""
