"""Runners: the same stage functions run in-process, in a process pool, or on Ray."""
