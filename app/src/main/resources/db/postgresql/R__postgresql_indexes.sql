-- PostgreSQL-only speed-ups (prod profile). Correctness never depends on them: H2 runs without.
-- Outstanding event publications are looked up constantly and are few; a partial index keeps it small.
create index if not exists event_publication_incomplete on event_publication (publication_date)
    where completion_date is null;
