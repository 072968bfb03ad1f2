-- The supervisor's dashboard (SlaRecords.countsSince) at 200,000 open records (bench/tasklist-scale.sh):
-- the open records per process and department read from this index alone, the paused ones from the next.
create index ix_sla_record_open_group on sla_record (completed_at, process_key, department);
create index ix_sla_record_paused on sla_record (completed_at, paused_since);
