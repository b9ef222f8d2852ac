-- Spring Modulith event publication registry (schema v2), owned by Flyway.
create table event_publication (
    id                      uuid         not null primary key,
    listener_id             text         not null,
    event_type              text         not null,
    serialized_event        text         not null,
    publication_date        timestamp with time zone not null,
    completion_date         timestamp with time zone,
    status                  text,
    completion_attempts     integer,
    last_resubmission_date  timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
