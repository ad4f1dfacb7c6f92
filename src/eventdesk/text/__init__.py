"""Text utilities more than one stage reads text with: they import no stage.

text.dates      temporal expressions in English news text: scan, resolve, find_dates
text.headlines  does a line look like a headline (read cuts dumps there, segment splits them)
"""
