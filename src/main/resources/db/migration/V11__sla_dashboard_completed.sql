-- The dashboard's records completed in the period (SlaRecords.countsSince), read from this index alone:
-- 0.6 s → see README, Performance, at 146,000 records completed within 30 days (bench/tasklist-scale.sh).
create index ix_sla_record_completed on sla_record (completed_at, process_key, department, canceled, due_at);
