"""The SQLite store's parts, used by :class:`quotetrack.tracker.Tracker`: the schema and
its migrations (:mod:`~quotetrack.store.schema`), a quote as a row and back
(:mod:`~quotetrack.store.rows`), the identity decision and speaker look-ups
(:mod:`~quotetrack.store.speakers`), re-quote clustering
(:mod:`~quotetrack.store.clusters`) and shared SQL helpers
(:mod:`~quotetrack.store.sql`). Only these modules and :mod:`quotetrack.tracker` talk
SQL."""
