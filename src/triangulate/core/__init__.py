"""Single concepts every step shares: each exists once, here, and everything uses that one.

- :mod:`~triangulate.core.files`: writing an output file safely;
- :mod:`~triangulate.core.dates`: a date interval for every value the time reader emits;
- :mod:`~triangulate.core.words`: words, stop words and lemmas;
- :mod:`~triangulate.core.spans`: the sentence around a cited span;
- :mod:`~triangulate.core.sources`: outlets, names and independent sources.
- :mod:`~triangulate.core.untrusted`: how each output shows the characters of untrusted text.
"""
