"""Region registry, indicator tables, comparisons and charts (a library: never imports ``bot``)."""
